package gov.bnl.sphenix.production.control.guard;

import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.spec.Production;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds back a revision that removes more than a person should remove by accident: more
 * productions, or more live jobs killed, than the limits allow. Such a revision is applied only once
 * confirmed — by a trailer {@code Prodctl-Allow-Removal: <n>} in its own commit message, n at least
 * the number of productions it removes (confirming them confirms what their removal policies do to
 * their jobs), or by a {@link Confirmation} naming the commit.
 */
public final class RemovalGuard {

    /** The trailer a merge commit carries to confirm its removals. */
    public static final String TRAILER = "Prodctl-Allow-Removal";

    /** Checks nothing: every revision is applied as it comes. */
    public static final RemovalGuard NONE = new RemovalGuard(RemovalLimits.NONE, Confirmation.NONE,
            (head, removed) -> 0);

    /** What the guard decided of a revision. */
    public sealed interface Verdict {

        /** Apply it. @param confirmedBy what let it through beyond the limits; empty when it was within them */
        record Allowed(Optional<String> confirmedBy) implements Verdict {
        }

        /** Keep the revision in force; the head waits for a confirmation. */
        record Blocked(RemovalBlock block) implements Verdict {
        }
    }

    private final RemovalLimits limits;
    private final Confirmation confirmation;
    private final ImpactOfRevision impact;

    public RemovalGuard(RemovalLimits limits, Confirmation confirmation, ImpactOfRevision impact) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
        this.impact = Objects.requireNonNull(impact, "impact");
    }

    /**
     * What applying {@code head} would do.
     *
     * @param removed      this source's productions the head no longer declares
     * @param removedSpecs the last specs of those whose spec is known (the others' removal waits, killing nothing)
     */
    public RevisionImpact measure(Revision head, List<String> removed, List<Production> removedSpecs)
            throws SQLException {
        // nothing removed kills nothing: the ledger is not asked on every ordinary commit
        return new RevisionImpact(removed, removed.isEmpty() ? 0 : impact.jobsKilled(head, removedSpecs));
    }

    /** May {@code head}, which would do {@code impact}, be applied now? */
    public Verdict judge(Revision head, RevisionImpact impact, Optional<Revision> inForce) {
        if (!limits.exceededBy(impact)) {
            return new Verdict.Allowed(Optional.empty());
        }
        List<String> notes = new ArrayList<>();
        for (String value : head.trailer(TRAILER)) {
            Optional<Integer> allowed = count(value);
            if (allowed.isPresent() && allowed.get() >= impact.productionsRemoved()) {
                return new Verdict.Allowed(Optional.of("confirmed by its trailer '" + TRAILER + ": " + value + "'"));
            }
            notes.add(allowed.isEmpty()
                    ? "its trailer '" + TRAILER + ": " + value + "' is not a number of productions"
                    : "its trailer allows " + RevisionImpact.count(allowed.get(), "removal") + ", it makes "
                    + impact.productionsRemoved());
        }
        if (confirmation.confirms(head)) {
            return new Verdict.Allowed(Optional.of("confirmed for commit " + confirmation.commit().orElseThrow()));
        }
        confirmation.mismatch(head).ifPresent(notes::add);
        return new Verdict.Blocked(new RemovalBlock(head, impact, limits, notes,
                confirmation.howToConfirm(head), inForce));
    }

    private static Optional<Integer> count(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            return n < 0 ? Optional.empty() : Optional.of(n);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The first 12 characters of the commit id: what a confirmation quotes. */
    static String quoted(Revision head) {
        return head.commitId().length() > 12 ? head.commitId().substring(0, 12) : head.commitId();
    }
}
