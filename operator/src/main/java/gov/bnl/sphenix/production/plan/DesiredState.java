package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.spec.Production;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What should be: the productions declared at the applied revision, and the productions removed
 * from it whose jobs and outputs still need handling. Both are kept sorted by name so that the
 * order in which a caller lists them never changes a plan.
 */
public record DesiredState(List<Production> productions, List<RemovedProduction> removed) {

    public DesiredState {
        productions = productions.stream().sorted(Comparator.comparing(Production::name)).toList();
        removed = removed.stream().sorted(Comparator.comparing(RemovedProduction::name)).toList();
        Set<String> names = new HashSet<>();
        for (Production p : productions) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("production " + p.name() + " is declared twice");
            }
        }
        for (RemovedProduction r : removed) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("production " + r.name()
                        + " is both declared and removed (or removed twice); a re-added production is simply declared");
            }
        }
    }

    public static DesiredState of(List<Production> productions) {
        return new DesiredState(productions, List.of());
    }
}
