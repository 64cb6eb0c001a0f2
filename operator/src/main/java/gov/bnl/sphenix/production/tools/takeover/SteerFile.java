package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.yaml.YamlFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * An autopilot steering file of sphenixprod, as its production control reads it: a map of submit
 * hosts, each a map of rule names to their settings, plus the host's {@code defaultlocations}.
 * <pre>
 * sphnxprod01:
 *   defaultlocations: {prodbase: ..., configbase: ..., submitdir: ...}
 *   Full_CALO_run3physics:
 *     config: calo_physics_ana530_2025p008_v001.yaml
 *     runs: [66456, 79999]
 *     submit: true
 * </pre>
 * It is read with the spec files' own defensive reader (size, alias and nesting limits, no tags),
 * and every value keeps its line and column so that the report can point at it.
 */
public record SteerFile(String file, List<Host> hosts) {

    /** The host-level key that is no rule. */
    static final String DEFAULT_LOCATIONS = "defaultlocations";

    public SteerFile {
        hosts = List.copyOf(hosts);
    }

    /** One submit host: its rules, and its {@code defaultlocations} when it has them. */
    public record Host(String name, SourceLocation at, Optional<Setting> defaultLocations, List<Entry> entries) {
        public Host {
            entries = List.copyOf(entries);
        }
    }

    /** One rule a host runs, with the settings written for it in the order written. */
    public record Entry(String host, String rule, SourceLocation at, Map<String, Setting> settings) {
        public Entry {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        Optional<Setting> setting(String key) {
            return Optional.ofNullable(settings.get(key));
        }
    }

    /**
     * One setting: its value as text (a list as its items, so that {@code runs: [69000 72000]},
     * one string in YAML, is still readable) and where it is.
     */
    public record Setting(String key, String text, List<String> items, SourceLocation at) {
        public Setting {
            items = List.copyOf(items);
        }
    }

    public List<String> hostNames() {
        return hosts.stream().map(Host::name).toList();
    }

    /** Reads the text; a problem of structure is an error in {@code out} and the result is empty. */
    public static Optional<SteerFile> parse(String text, String file, Diagnostics out) {
        Optional<Node> root = YamlFile.parse(text, file, out);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Optional<MappingNode> hosts = map(root.get(), file, "the steering file", "host names at the top, e.g."
                + " 'sphnxprod01:', each with its rules below", out);
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        List<Host> read = new ArrayList<>();
        for (NodeTuple tuple : hosts.get().getValue()) {
            key(tuple, file, out).ifPresent(name -> host(name, tuple, file, out).ifPresent(read::add));
        }
        return out.hasErrors() ? Optional.empty() : Optional.of(new SteerFile(file, read));
    }

    private static Optional<Host> host(String name, NodeTuple tuple, String file, Diagnostics out) {
        Optional<MappingNode> rules = map(tuple.getValueNode(), file, "host " + name,
                "write the host's rules below it, each 'RuleName:' with its settings", out);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        Optional<Setting> defaults = Optional.empty();
        List<Entry> entries = new ArrayList<>();
        for (NodeTuple rule : rules.get().getValue()) {
            Optional<String> ruleName = key(rule, file, out);
            if (ruleName.isEmpty()) {
                continue;
            }
            if (ruleName.get().equals(DEFAULT_LOCATIONS)) {
                defaults = Optional.of(setting(DEFAULT_LOCATIONS, rule.getValueNode(), file));
                continue;
            }
            map(rule.getValueNode(), file, "rule " + ruleName.get() + " of host " + name,
                    "write the rule's settings below it, e.g. 'config: <rule-set file>'", out)
                    .ifPresent(settings -> entries.add(new Entry(name, ruleName.get(),
                            YamlFile.at(file, rule.getKeyNode().getStartMark()), settings(settings, file, out))));
        }
        return Optional.of(new Host(name, YamlFile.at(file, tuple.getKeyNode().getStartMark()), defaults, entries));
    }

    private static Map<String, Setting> settings(MappingNode node, String file, Diagnostics out) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            key(tuple, file, out).ifPresent(key -> settings.put(key, setting(key, tuple.getValueNode(), file)));
        }
        return settings;
    }

    private static Setting setting(String key, Node value, String file) {
        List<String> items = items(value);
        String text = value instanceof ScalarNode scalar ? scalar.getValue()
                : value instanceof SequenceNode ? "[" + String.join(", ", items) + "]" : "{" + String.join(", ", items) + "}";
        return new Setting(key, text, items, YamlFile.at(file, value.getStartMark()));
    }

    /** The scalars of a value, flattened: a list's items, a map's keys and values as "key: value". */
    private static List<String> items(Node value) {
        if (value instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        if (value instanceof SequenceNode sequence) {
            return sequence.getValue().stream().flatMap(item -> items(item).stream()).toList();
        }
        if (value instanceof MappingNode mapping) {
            return mapping.getValue().stream()
                    .map(t -> String.join(" ", items(t.getKeyNode())) + ": " + String.join(" ", items(t.getValueNode())))
                    .collect(Collectors.toList());
        }
        return List.of();
    }

    private static Optional<String> key(NodeTuple tuple, String file, Diagnostics out) {
        if (tuple.getKeyNode() instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        out.error(YamlFile.at(file, tuple.getKeyNode().getStartMark()), "a key is not a plain name",
                "write host, rule and setting names as plain words");
        return Optional.empty();
    }

    private static Optional<MappingNode> map(Node node, String file, String what, String fix, Diagnostics out) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(mapping);
        }
        out.error(YamlFile.at(file, node.getStartMark()), what + " is not a map", fix);
        return Optional.empty();
    }
}
