package gov.bnl.sphenix.production.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A rule-set file: rule names to rules, in file order. {@code file} is relative to the specs repository. */
public record RuleSet(String file, Map<String, Rule> rules) {

    public RuleSet {
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    public Optional<Rule> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }
}
