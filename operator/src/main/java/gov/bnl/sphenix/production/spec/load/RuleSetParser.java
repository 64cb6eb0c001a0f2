package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.Rule;
import gov.bnl.sphenix.production.spec.RuleSet;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import gov.bnl.sphenix.production.spec.yaml.MapReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a rule-set file: a map of rule names to rules in today's short format. */
final class RuleSetParser {

    private final RuleParser sphenixprodRules;
    private final RuleParser inlineRules;

    RuleSetParser(SpecTree tree, Diagnostics out) {
        this.sphenixprodRules = new RuleParser(tree, out, RuleParser.UnknownKeys.WARN_AS_SPHENIXPROD);
        this.inlineRules = new RuleParser(tree, out, RuleParser.UnknownKeys.REFUSE);
    }

    Optional<RuleSet> parse(String file, Node document, Diagnostics out) {
        Optional<MapReader> top = MapReader.of(file, "", document, out);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Rule> parsed = new LinkedHashMap<>();
        if (top.get().keys().isEmpty()) {
            out.error(top.get().location(), "rule set holds no rules", "add a rule: '<name>: {params, input, job}'");
        }
        for (String name : top.get().keys()) {
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                out.error(top.get().keyLocation(name), "rule name '" + name + "' has characters other than letters,"
                        + " digits, '_', '.' and '-'", "rename the rule");
                continue;
            }
            top.get().node(name)
                    .flatMap(n -> MapReader.of(file, name, n, out))
                    .flatMap(rule -> sphenixprodRules.parse(name, rule, file))
                    .ifPresent(rule -> parsed.put(name, rule));
        }
        return Optional.of(new RuleSet(file, parsed));
    }

    /** Inline rules in production files use the same reader. */
    Optional<Rule> parseRule(String name, MapReader rule, String file) {
        return inlineRules.parse(name, rule, file);
    }
}
