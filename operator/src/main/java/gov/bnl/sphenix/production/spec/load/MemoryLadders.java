package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.MemoryLadder;
import gov.bnl.sphenix.production.spec.MemorySize;
import gov.bnl.sphenix.production.spec.yaml.MapReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a memory request or retry ladder: {@code 4096MB}, {@code "2 GB, 4 GB, 8 GB"} or {@code [2GB, 4GB]}. */
final class MemoryLadders {

    private MemoryLadders() {
    }

    static Optional<MemoryLadder> read(MapReader m, String key, Diagnostics out) {
        Optional<Node> node = m.node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        List<String> rungs = new ArrayList<>();
        if (node.get() instanceof ScalarNode scalar) {
            for (String part : scalar.getValue().split(",")) {
                rungs.add(part.trim());
            }
        } else if (node.get() instanceof SequenceNode) {
            rungs.addAll(m.textList(key));
        } else {
            out.error(m.valueLocation(key), "'" + m.child(key) + "' must be a size or a list of sizes",
                    "write e.g. 4096MB, or a ladder '2 GB, 4 GB, 8 GB'");
            return Optional.empty();
        }
        List<Integer> mib = new ArrayList<>();
        for (String rung : rungs) {
            try {
                mib.add(MemorySize.parseMib(rung));
            } catch (IllegalArgumentException e) {
                String[] parts = e.getMessage().split(": ", 2);
                out.error(m.valueLocation(key), m.child(key) + ": " + parts[0], parts.length > 1 ? parts[1] : "");
                return Optional.empty();
            }
        }
        for (int i = 1; i < mib.size(); i++) {
            if (mib.get(i) <= mib.get(i - 1)) {
                out.error(m.valueLocation(key), "memory ladder " + rungs + " does not increase at '" + rungs.get(i) + "'",
                        "list the rungs from smallest to largest, each larger than the one before");
                return Optional.empty();
            }
        }
        if (mib.isEmpty()) {
            out.error(m.valueLocation(key), "'" + m.child(key) + "' is empty", "write e.g. 4096MB");
            return Optional.empty();
        }
        return Optional.of(new MemoryLadder(mib));
    }
}
