package gov.bnl.sphenix.production.source;

import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files one production's spec is read from — its file, its rule set, the catalogue and any
 * run-list file it names — kept apart from git. The ledger stores them when the production is
 * declared, so its removal can read its last spec back even when the git mirror has lost the
 * commit that declared it.
 */
public final class StoredSpec implements SpecTree {

    private final Map<String, byte[]> contents;

    public StoredSpec(Map<String, byte[]> contents) {
        this.contents = new TreeMap<>(contents);
    }

    /**
     * What loading {@code production} alone reads from {@code tree}: every file the loader opens
     * when only the production, its rule set, the catalogue and the files that are not YAML (run
     * lists, payloads) are listed — so with its payload as the commit had it. Should that ever not
     * load the production again, the whole tree is kept instead, so the stored spec always loads.
     */
    public static StoredSpec capture(SpecTree tree, Production production) {
        Recording recording = new Recording(tree, production);
        SpecLoader.load(recording);
        StoredSpec stored = new StoredSpec(recording.read);
        if (stored.production(production.name()).isPresent()) {
            return stored;
        }
        Map<String, byte[]> all = new TreeMap<>();
        tree.files().forEach(f -> tree.read(f).ifPresent(bytes -> all.put(f, bytes)));
        return new StoredSpec(all);
    }

    /** The production as these files declare it; empty when they do not load. */
    public Optional<Production> production(String name) {
        return SpecLoader.load(this).repository().flatMap(r -> r.production(name));
    }

    /** The files by repository-relative path, for storing. */
    public Map<String, byte[]> contents() {
        return new TreeMap<>(contents);
    }

    @Override
    public List<String> files() {
        return new ArrayList<>(contents.keySet());
    }

    @Override
    public Optional<byte[]> read(String path) {
        return Optional.ofNullable(contents.get(path)).map(byte[]::clone);
    }

    @Override
    public boolean isSymlink(String path) {
        return false;
    }

    /** A tree listing only one production's own files and noting every file the loader reads. */
    private static final class Recording implements SpecTree {

        private final SpecTree whole;
        private final List<String> listed = new ArrayList<>();
        private final Map<String, byte[]> read = new TreeMap<>();

        Recording(SpecTree whole, Production production) {
            this.whole = whole;
            List<String> own = new ArrayList<>(List.of(SpecLoader.CATALOGUE, production.file()));
            production.ruleSetFile().ifPresent(own::add);
            // payload globs are matched against the listing; the loader reads only what they take
            whole.files().stream().filter(f -> !SpecLoader.isYaml(f)).forEach(own::add);
            own.stream().distinct().sorted().filter(whole::exists).forEach(listed::add);
        }

        @Override
        public List<String> files() {
            return listed;
        }

        @Override
        public Optional<byte[]> read(String path) {
            Optional<byte[]> bytes = whole.read(path);
            bytes.ifPresent(b -> read.put(path, b));
            return bytes;
        }

        @Override
        public boolean isSymlink(String path) {
            return whole.isSymlink(path);
        }
    }
}
