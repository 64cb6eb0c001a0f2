package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.List;

/**
 * A specs tree with files that are not written yet: the loader validates the import's production
 * files as if they were there, so that nothing is written unless all of them are valid.
 */
final class PendingSpecTree implements SpecTree {

    private final SpecTree written;
    private final Map<String, String> pending;

    PendingSpecTree(SpecTree written, Map<String, String> pending) {
        this.written = written;
        this.pending = Map.copyOf(pending);
    }

    @Override
    public List<String> files() {
        TreeSet<String> files = new TreeSet<>(written.files());
        files.addAll(pending.keySet());
        return List.copyOf(files);
    }

    @Override
    public Optional<byte[]> read(String path) {
        return pending.containsKey(path) ? Optional.of(pending.get(path).getBytes(StandardCharsets.UTF_8))
                : written.read(path);
    }

    @Override
    public boolean isSymlink(String path) {
        return !pending.containsKey(path) && written.isSymlink(path);
    }

    @Override
    public boolean isExecutable(String path) {
        return !pending.containsKey(path) && written.isExecutable(path);
    }
}
