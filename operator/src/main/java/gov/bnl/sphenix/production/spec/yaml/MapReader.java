package gov.bnl.sphenix.production.spec.yaml;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, position-aware access to one YAML map of a spec file. Every problem becomes a diagnostic
 * with the value's line and column; accessors return empty instead of throwing, so one file can
 * report all its problems at once.
 *
 * <p>Duplicate keys are caught here: SnakeYAML's node tree keeps both, but every map-building
 * loader silently keeps one — a classic way to lose half a rule.
 */
public final class MapReader {

    private final String file;
    private final String path;
    private final Node node;
    private final Diagnostics out;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private MapReader(String file, String path, MappingNode node, Diagnostics out) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.out = out;
        out.reading(location());
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                out.error(at(keyNode), "a key in " + describe() + " is not a plain word",
                        "use simple names as keys");
                continue;
            }
            String key = scalarKey.getValue();
            if (Tag.MERGE.equals(keyNode.getTag())) {
                out.error(at(keyNode), "merge keys ('<<') are not supported in spec files",
                        "write the keys out, so a reviewer sees every value in the pull request");
                continue;
            }
            NodeTuple first = entries.putIfAbsent(key, tuple);
            if (first != null) {
                out.error(at(keyNode), "duplicate key '" + key + "' in " + describe()
                                + " (first at line " + (first.getKeyNode().getStartMark().getLine() + 1) + ")",
                        "YAML keeps only one of them silently; delete one or merge them");
            }
        }
    }

    /** A reader over {@code node}, or an error when it is not a map. */
    public static Optional<MapReader> of(String file, String path, Node node, Diagnostics out) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new MapReader(file, path, mapping, out));
        }
        out.error(YamlFile.at(file, node.getStartMark()), describe(path) + " must be a map of 'key: value' lines",
                "indent the entries under '" + lastPart(path) + ":' as 'key: value'");
        return Optional.empty();
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public Diagnostics diagnostics() {
        return out;
    }

    public SourceLocation location() {
        return YamlFile.at(file, node.getStartMark());
    }

    public SourceLocation at(Node n) {
        return YamlFile.at(file, n.getStartMark());
    }

    /** Where a key is written, or where the map starts when the key is absent. */
    public SourceLocation keyLocation(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? location() : at(tuple.getKeyNode());
    }

    public SourceLocation valueLocation(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? location() : at(tuple.getValueNode());
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<Node> node(String key) {
        Optional<Node> value = Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
        value.ifPresent(v -> out.reading(at(v)));
        return value;
    }

    /**
     * Reports keys outside {@code known}: a did-you-mean error for each one. {@code alsoAccepted}
     * are handled by the caller (deprecated or ignored keys) and pass silently here.
     */
    public void rejectUnknownKeys(Collection<String> known, Collection<String> alsoAccepted) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String key = e.getKey();
            if (!known.contains(key) && !alsoAccepted.contains(key)) {
                out.error(at(e.getValue().getKeyNode()), "unknown key '" + key + "' in " + describe(),
                        DidYouMean.hint(key, known));
            }
        }
    }

    public void requireKeys(String... keys) {
        for (String key : keys) {
            if (!entries.containsKey(key)) {
                out.error(location(), describe() + " is missing '" + key + "'", "add '" + key + ": ...' to " + describe());
            }
        }
    }

    public Optional<MapReader> map(String key) {
        return node(key).flatMap(n -> of(file, child(key), n, out));
    }

    /** A text value; numbers and booleans are read as the text written. */
    public Optional<String> text(String key) {
        Optional<Node> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode scalar) {
            if (Tag.NULL.equals(scalar.getTag())) {
                out.error(at(scalar), child(key) + " is empty", "give it a value or remove the key");
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        out.error(at(n.get()), child(key) + " must be a single value, not a " + kind(n.get()),
                "write '" + key + ": <value>' on one line");
        return Optional.empty();
    }

    public Optional<Integer> integer(String key, long min, long max) {
        Optional<Node> n = node(key);
        return n.flatMap(v -> integerValue(v, child(key), min, max));
    }

    /** An integer from a node, with the YAML traps explained ('[72500 75000]' is one string). */
    public Optional<Integer> integerValue(Node n, String what, long min, long max) {
        out.reading(at(n));
        if (!(n instanceof ScalarNode scalar)) {
            out.error(at(n), what + " must be a whole number, not a " + kind(n), "write a number such as 1000");
            return Optional.empty();
        }
        String text = scalar.getValue().trim();
        if (text.matches("[0-9]+(\\s+[0-9]+)+")) {
            out.error(at(n), what + " is one string \"" + text + "\": YAML needs commas between list items",
                    "write [" + String.join(", ", text.split("\\s+")) + "]");
            return Optional.empty();
        }
        String digits = text.replace("_", "");
        if (!digits.matches("[+-]?[0-9]+")) {
            out.error(at(n), what + " must be a whole number, got '" + text + "'", "write digits only, such as 1000");
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            out.error(at(n), what + " is too large: " + text, "use a number from " + min + " to " + max);
            return Optional.empty();
        }
        if (value < min || value > max) {
            out.error(at(n), what + " is " + value + ", outside " + min + ".." + max, "use a number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of((int) value);
    }

    public Optional<Long> longValue(String key, long min, long max) {
        Optional<Node> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode scalar && scalar.getValue().trim().replace("_", "").matches("[0-9]+")) {
            try {
                long value = Long.parseLong(scalar.getValue().trim().replace("_", ""));
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        out.error(at(n.get()), child(key) + " must be a whole number from " + min + " to " + max,
                "write digits only, such as 100000");
        return Optional.empty();
    }

    /**
     * A yes/no value. YAML 1.1 reads {@code on}, {@code off}, {@code yes}, {@code no} as booleans
     * and today's steering files rely on that ({@code submit: on}), so they are accepted here.
     */
    public Optional<Boolean> bool(String key) {
        Optional<Node> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode scalar) {
            switch (scalar.getValue().trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "y" -> {
                    return Optional.of(true);
                }
                case "false", "no", "off", "n" -> {
                    return Optional.of(false);
                }
                default -> {
                    // reported below
                }
            }
        }
        out.error(at(n.get()), child(key) + " must be true or false, got " + describeValue(n.get()),
                "write true or false (on/off and yes/no also work)");
        return Optional.empty();
    }

    /** A list value; a single scalar is an error with a hint to use [..]. */
    public Optional<List<Node>> list(String key) {
        Optional<Node> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof SequenceNode seq) {
            return Optional.of(new ArrayList<>(seq.getValue()));
        }
        out.error(at(n.get()), child(key) + " must be a list, not a " + kind(n.get()),
                "write " + key + ": [a, b] or one '- item' per line");
        return Optional.empty();
    }

    /** Scalars of a list as text, reporting non-scalar items. */
    public List<String> textList(String key) {
        List<String> values = new ArrayList<>();
        list(key).ifPresent(items -> {
            for (Node item : items) {
                if (item instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
                    values.add(s.getValue());
                } else {
                    out.error(at(item), "items of " + child(key) + " must be single values", "write one value per item");
                }
            }
        });
        return values;
    }

    public String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public String describe() {
        return describe(path);
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the file" : "'" + path + "'";
    }

    private static String lastPart(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    public static String kind(Node n) {
        if (n instanceof MappingNode) {
            return "map";
        }
        if (n instanceof SequenceNode) {
            return "list";
        }
        return "value";
    }

    public static String describeValue(Node n) {
        return n instanceof ScalarNode s ? "'" + s.getValue() + "'" : "a " + kind(n);
    }
}
