package gov.bnl.sphenix.production.control.preview;

import gov.bnl.sphenix.production.plan.Words;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.source.ProductionChanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a revision does to one production's spec: adds it, changes some of its fields, removes it
 * (its removal policy then decides what happens to its jobs and outputs), or leaves it as it was.
 *
 * @param fields for a change, the fields that differ ({@link ChangedFields})
 */
public record SpecChange(String production, Kind kind, List<String> fields, Optional<Production> before,
                         Optional<Production> after) {

    public enum Kind {
        ADDED("added"), CHANGED("changed"), REMOVED("removed"), UNCHANGED("unchanged"),
        /** removed by an earlier revision, its removal still under way (jobs to kill, outputs to delete) */
        WINDING_DOWN("being removed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public SpecChange {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(kind, "kind");
        fields = List.copyOf(fields);
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** Every production of either revision, by name. */
    public static List<SpecChange> between(List<Production> base, List<Production> head) {
        ProductionChanges changes = ProductionChanges.between(base, head);
        List<SpecChange> all = new ArrayList<>();
        changes.added().forEach(p -> all.add(new SpecChange(p.name(), Kind.ADDED, List.of(), Optional.empty(),
                Optional.of(p))));
        for (ProductionChanges.Changed c : changes.changed()) {
            List<String> fields = ChangedFields.between(c.before(), c.after());
            // differing only in where things are written (a line moved) is no change to review
            all.add(new SpecChange(c.after().name(), fields.isEmpty() ? Kind.UNCHANGED : Kind.CHANGED, fields,
                    Optional.of(c.before()), Optional.of(c.after())));
        }
        changes.removed().forEach(p -> all.add(new SpecChange(p.name(), Kind.REMOVED, List.of(), Optional.of(p),
                Optional.empty())));
        changes.unchanged().forEach(p -> all.add(new SpecChange(p.name(), Kind.UNCHANGED, List.of(), Optional.of(p),
                Optional.of(p))));
        all.sort(Comparator.comparing(SpecChange::production));
        return List.copyOf(all);
    }

    /** A production an earlier revision removed, whose removal the ledger says is still under way. */
    public static SpecChange windingDown(Production lastSpec) {
        return new SpecChange(lastSpec.name(), Kind.WINDING_DOWN, List.of(), Optional.of(lastSpec), Optional.empty());
    }

    /** The spec in force after the revision, or the last one a removed production had. */
    public Production spec() {
        return after.or(() -> before).orElseThrow();
    }

    /**
     * What removing it implies by its policy, e.g. "its jobs are killed; its outputs are deleted
     * after 7 days"; empty unless removed.
     */
    public Optional<String> removalImplies() {
        if (kind != Kind.REMOVED && kind != Kind.WINDING_DOWN) {
            return Optional.empty();
        }
        var policy = spec().onRemoval();
        return Optional.of(switch (policy.action()) {
            case KEEP -> "its jobs run on and its outputs stay (on-removal: keep)";
            case KILL -> "its queued, running and held jobs are killed; its outputs stay (on-removal: kill)";
            case KILL_AND_DELETE_OUTPUTS -> "its jobs are killed and its outputs deleted"
                    + (policy.gracePeriod().isZero() ? " right away" : " after " + Words.duration(policy.gracePeriod()))
                    + " (on-removal: kill-and-delete-outputs)";
        });
    }
}
