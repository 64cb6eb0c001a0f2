package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.plan.DesiredState;
import gov.bnl.sphenix.production.plan.RemovedProduction;
import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The desired state a pass works towards: the revision in force, its product catalogue, the
 * productions it declares, and the removed productions still being wound down, with the commit
 * that removed each.
 */
public record DesiredAtRevision(Revision revision, ProductCatalogue catalogue, DesiredState state, Map<String, String> removedIn) {

    public DesiredAtRevision {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(state, "state");
        removedIn = Map.copyOf(removedIn);
    }

    /** The spec of a declared production, or the last spec of a removed one. */
    public Optional<Production> spec(String production) {
        return state.productions().stream().filter(p -> p.name().equals(production)).findFirst()
                .or(() -> state.removed().stream().map(RemovedProduction::lastSpec)
                        .filter(p -> p.name().equals(production)).findFirst());
    }

    public boolean isRemoved(String production) {
        return state.removed().stream().anyMatch(r -> r.name().equals(production));
    }

    /** Every production a pass looks at: declared first, then removed. */
    public List<Production> all() {
        return java.util.stream.Stream.concat(state.productions().stream(),
                state.removed().stream().map(RemovedProduction::lastSpec)).toList();
    }

    /** The same desired state narrowed to some productions (a pass for one production). */
    public DesiredAtRevision only(Predicate<String> production) {
        return new DesiredAtRevision(revision, catalogue, new DesiredState(
                state.productions().stream().filter(p -> production.test(p.name())).toList(),
                state.removed().stream().filter(r -> production.test(r.name())).toList()), removedIn);
    }
}
