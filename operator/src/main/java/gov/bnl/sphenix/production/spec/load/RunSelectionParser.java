package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.RunRange;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.spec.yaml.MapReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a run selection: {@code range} (one pair or a list of pairs), {@code list}, {@code file}
 * (a run-list file in the repository), minus {@code exclude}. Today's steering files write
 * {@code runs: [69000 72000]}, which YAML reads as one string, and give a bare list a meaning that
 * depends on its length (one run, a range, or a list); here the form is always spelled out.
 */
final class RunSelectionParser {

    static final Set<String> KEYS = Set.of("range", "list", "file", "exclude");
    static final int MAX_RUN = 99_999_999;

    private final SpecTree tree;
    private final Diagnostics out;

    RunSelectionParser(SpecTree tree, Diagnostics out) {
        this.tree = tree;
        this.out = out;
    }

    /** The selected runs of {@code owner.key}, or empty after reporting why. */
    Optional<RunSet> parse(MapReader owner, String key, Set<String> extraKeys) {
        Optional<Node> node = owner.node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof SequenceNode seq) {
            reportBareList(owner, key, seq);
            return Optional.empty();
        }
        Optional<MapReader> runs = owner.map(key);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        MapReader r = runs.get();
        r.rejectUnknownKeys(KEYS, extraKeys);
        if (!r.has("range") && !r.has("list") && !r.has("file")) {
            out.error(r.location(), "'" + r.path() + "' selects no runs",
                    "add 'range: [first, last]', 'list: [run, ...]' or 'file: runlists/<name>.txt'");
            return Optional.empty();
        }
        int errorsBefore = out.errorCount();
        RunSet selected = RunSet.EMPTY;
        if (r.has("range")) {
            selected = selected.union(ranges(r, "range"));
        }
        if (r.has("list")) {
            selected = selected.union(list(r, "list"));
        }
        if (r.has("file")) {
            selected = selected.union(file(r));
        }
        if (r.has("exclude")) {
            selected = selected.minus(list(r, "exclude"));
        }
        if (out.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        if (selected.isEmpty()) {
            out.error(r.location(), "'" + r.path() + "' selects no runs after exclusions",
                    "check the range and the exclusions");
            return Optional.empty();
        }
        return Optional.of(selected);
    }

    private void reportBareList(MapReader owner, String key, SequenceNode seq) {
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s && s.getValue().trim().matches("[0-9]+(\\s+[0-9]+)+")) {
                String[] parts = s.getValue().trim().split("\\s+");
                out.error(owner.at(item), owner.child(key) + " is one string \"" + s.getValue().trim()
                                + "\": YAML needs commas between list items",
                        parts.length == 2
                                ? "for a range write " + key + ": {range: [" + parts[0] + ", " + parts[1] + "]}"
                                : "write " + key + ": {list: [" + String.join(", ", parts) + "]}");
                return;
            }
        }
        out.error(owner.valueLocation(key), owner.child(key) + " is a bare list, which is ambiguous"
                        + " (two numbers: a range or two runs?)",
                "write " + key + ": {range: [first, last]} for a range, or " + key + ": {list: [...]} for single runs");
    }

    /** {@code [first, last]} or {@code [[a, b], [c, d]]}. */
    private RunSet ranges(MapReader r, String key) {
        Optional<List<Node>> items = r.list(key);
        if (items.isEmpty()) {
            return RunSet.EMPTY;
        }
        List<Node> list = items.get();
        if (!list.isEmpty() && list.get(0) instanceof SequenceNode) {
            List<RunRange> ranges = new ArrayList<>();
            for (Node pair : list) {
                pair(r, pair, r.child(key)).ifPresent(ranges::add);
            }
            return RunSet.of(ranges);
        }
        return pair(r, r.node(key).orElseThrow(), r.child(key)).map(rr -> RunSet.of(List.of(rr))).orElse(RunSet.EMPTY);
    }

    private Optional<RunRange> pair(MapReader r, Node node, String what) {
        if (!(node instanceof SequenceNode seq)) {
            out.error(r.at(node), what + " must be a pair [first, last]", "write e.g. [66456, 70000]");
            return Optional.empty();
        }
        if (seq.getValue().size() == 1) {
            r.integerValue(seq.getValue().get(0), what, 0, MAX_RUN); // reports "[72500 75000]" as one string
            if (!(seq.getValue().get(0) instanceof ScalarNode s && s.getValue().trim().contains(" "))) {
                out.error(r.at(node), what + " has one number", "a range needs two: [first, last]; for one run use list");
            }
            return Optional.empty();
        }
        if (seq.getValue().size() != 2) {
            out.error(r.at(node), what + " has " + seq.getValue().size() + " numbers",
                    "a range is [first, last]; for several single runs use 'list'");
            return Optional.empty();
        }
        Optional<Integer> first = r.integerValue(seq.getValue().get(0), what + " start", 0, MAX_RUN);
        Optional<Integer> last = r.integerValue(seq.getValue().get(1), what + " end", 0, MAX_RUN);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        if (last.get() < first.get()) {
            out.error(r.at(node), what + " runs backwards: " + first.get() + " > " + last.get(),
                    "write [" + last.get() + ", " + first.get() + "]");
            return Optional.empty();
        }
        return Optional.of(new RunRange(first.get(), last.get()));
    }

    /** Single runs, or {@code [a, b]} pairs for ranges (used by {@code list} and {@code exclude}). */
    private RunSet list(MapReader r, String key) {
        Optional<List<Node>> items = r.list(key);
        if (items.isEmpty()) {
            return RunSet.EMPTY;
        }
        List<RunRange> runs = new ArrayList<>();
        for (Node item : items.get()) {
            if (item instanceof SequenceNode) {
                pair(r, item, r.child(key)).ifPresent(runs::add);
            } else {
                r.integerValue(item, r.child(key) + " item", 0, MAX_RUN).map(RunRange::single).ifPresent(runs::add);
            }
        }
        return RunSet.of(runs);
    }

    /** A run-list file: run numbers separated by spaces, commas or new lines; '#' starts a comment. */
    private RunSet file(MapReader r) {
        Optional<String> written = r.text("file");
        if (written.isEmpty()) {
            return RunSet.EMPTY;
        }
        SourceLocation at = r.valueLocation("file");
        Optional<String> path = RepoPath.resolve(written.get(), "", tree, "run-list file", at, out);
        if (path.isEmpty()) {
            return RunSet.EMPTY;
        }
        Optional<byte[]> content = tree.read(path.get());
        if (content.isEmpty()) {
            out.error(at, "run-list file '" + path.get() + "' does not exist",
                    "commit the file, or correct the path (it is relative to the repository root)");
            return RunSet.EMPTY;
        }
        List<RunRange> runs = new ArrayList<>();
        String[] lines = new String(content.get(), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String data = hash < 0 ? line : line.substring(0, hash);
            int column = 0;
            for (String token : data.split("[\\s,]+", -1)) {
                column = data.indexOf(token, column);
                if (token.isEmpty()) {
                    continue;
                }
                if (!token.matches("[0-9]{1,8}")) {
                    out.error(new SourceLocation(path.get(), i + 1, column + 1),
                            "'" + token + "' in a run-list file is not a run number",
                            "list run numbers only, separated by spaces, commas or new lines; '#' starts a comment");
                } else {
                    runs.add(RunRange.single(Integer.parseInt(token)));
                }
                column += token.length();
            }
        }
        if (runs.isEmpty()) {
            out.error(at, "run-list file '" + path.get() + "' lists no runs", "add run numbers to it");
        }
        return RunSet.of(runs);
    }
}
