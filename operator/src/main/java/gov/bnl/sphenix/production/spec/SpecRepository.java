package gov.bnl.sphenix.production.spec;

import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A specs repository that validated without errors: the desired state of sPHENIX production at
 * one revision. It exists only whole — a revision with any error yields no repository at all, so a
 * broken commit can never look like "every production was removed".
 */
public record SpecRepository(ProductCatalogue catalogue, Map<String, RuleSet> ruleSets, List<Production> productions) {

    public SpecRepository {
        ruleSets = Collections.unmodifiableMap(new LinkedHashMap<>(ruleSets));
        productions = List.copyOf(productions);
    }

    public Optional<Production> production(String name) {
        return productions.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
