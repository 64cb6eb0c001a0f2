package gov.bnl.sphenix.production.control.preview;

import gov.bnl.sphenix.production.control.guard.RemovalGuard;
import gov.bnl.sphenix.production.control.guard.RemovalLimits;
import gov.bnl.sphenix.production.control.guard.RevisionImpact;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What merging a revision would do: the spec-level changes between a base and a head revision,
 * and, when the catalogs and the queue could be read, what the next pass would do to each
 * production ({@link Counts}).
 *
 * @param base   the revision compared against (the one in force, usually)
 * @param head   the revision that would be applied
 * @param counts empty when planning was not possible (offline, or the queue unreadable), with why
 * @param held   when the operator's removal guard would hold the revision until it is confirmed: why,
 *               and how to confirm it
 */
public record Preview(String base, String head, List<SpecChange> changes, Optional<Counts> counts,
                      Optional<String> countsUnavailable, Optional<String> held) {

    public Preview {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
        changes = List.copyOf(changes);
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(countsUnavailable, "countsUnavailable");
        Objects.requireNonNull(held, "held");
    }

    /** The same plan, with what the removal guard says of it. */
    public Preview held(Optional<String> why) {
        return new Preview(base, head, changes, counts, countsUnavailable, why);
    }

    /**
     * What the operator's removal guard would make of this revision under {@code limits}: the
     * productions it removes, and the jobs their removal kills (0 when not counted).
     */
    public Optional<String> guardVerdict(RemovalLimits limits) {
        List<String> removed = changes.stream().filter(c -> c.kind() == SpecChange.Kind.REMOVED)
                .map(SpecChange::production).toList();
        long killed = counts.map(c -> c.productions().stream().filter(p -> removed.contains(p.production()))
                .mapToLong(p -> p.kills().size()).sum()).orElse(0L);
        RevisionImpact impact = new RevisionImpact(removed, killed);
        if (!limits.exceededBy(impact)) {
            return Optional.empty();
        }
        return Optional.of("the operator holds this revision until it is confirmed: it would " + impact.describe()
                + " (" + limits.describe() + "); confirm with the merge commit trailer '" + RemovalGuard.TRAILER + ": "
                + impact.productionsRemoved() + "' or an annotation on the ProductionSource (docs/operations.md, Guards)");
    }

    /**
     * The planner's view.
     *
     * @param limits     the operating limits planned with (the queue budget, the maximum run time, ...)
     * @param liveNow    our jobs queued, running or held now, counted against the queue budget
     * @param notes      what the planner deliberately left undone, in its words
     */
    public record Counts(List<ProductionPreview> productions, PlannerSettings limits, long liveNow, List<String> notes) {
        public Counts {
            productions = List.copyOf(productions);
            Objects.requireNonNull(limits, "limits");
            notes = List.copyOf(notes);
        }

        /** The operator-wide queue budget (queued plus running jobs of all productions). */
        public long budget() {
            return limits.globalQueueBudget();
        }

        public long toSubmit() {
            return productions.stream().mapToLong(p -> p.toSubmit().count()).sum();
        }

        public long toKill() {
            return productions.stream().mapToLong(p -> p.kills().size()).sum();
        }

        public long outputsToDelete() {
            return productions.stream().mapToLong(p -> p.deletions().files()).sum();
        }

        /** Outputs removals delete once their grace period has passed. */
        public long outputsToDeleteLater() {
            return productions.stream().flatMap(p -> p.afterGrace().stream()).mapToLong(d -> d.files()).sum();
        }

        public Optional<ProductionPreview> of(String production) {
            return productions.stream().filter(p -> p.production().equals(production)).findFirst();
        }
    }

    public long count(SpecChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** The changes that do something: added, changed or removed. */
    public List<SpecChange> effective() {
        return changes.stream().filter(c -> c.kind() != SpecChange.Kind.UNCHANGED).toList();
    }

    /**
     * Whether merging may kill jobs or delete outputs: what the planner counts when it could plan,
     * else any removal whose policy kills (it might).
     */
    public boolean destructive() {
        if (counts.isPresent()) {
            return counts.get().toKill() > 0 || counts.get().outputsToDelete() > 0
                    || counts.get().outputsToDeleteLater() > 0;
        }
        return changes.stream().anyMatch(c -> c.kind() == SpecChange.Kind.REMOVED
                && c.spec().onRemoval().action().kills());
    }

    /** {@code plan: 1 added, 0 changed, 0 removed; 12 jobs to submit, 0 to kill, 0 outputs to delete}. */
    public String lastLine() {
        String submit = counts.map(c -> String.valueOf(c.toSubmit())).orElse("?");
        String kill = counts.map(c -> String.valueOf(c.toKill())).orElse("?");
        String delete = counts.map(c -> String.valueOf(c.outputsToDelete())).orElse("?");
        return "plan: " + count(SpecChange.Kind.ADDED) + " added, " + count(SpecChange.Kind.CHANGED) + " changed, "
                + count(SpecChange.Kind.REMOVED) + " removed; " + submit + " jobs to submit, " + kill + " to kill, "
                + delete + " outputs to delete";
    }
}
