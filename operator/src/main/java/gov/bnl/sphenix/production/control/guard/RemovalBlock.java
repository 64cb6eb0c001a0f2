package gov.bnl.sphenix.production.control.guard;

import gov.bnl.sphenix.production.source.Revision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A head the guard holds back: what it would do, the limits it goes beyond, and how to confirm it.
 *
 * @param notes      why what was given does not confirm it (a trailer with too small a number, an
 *                   annotation naming another commit)
 * @param otherWay   how to confirm it without a new commit, where there is a way
 * @param inForce    the revision that keeps running meanwhile
 */
public record RemovalBlock(Revision head, RevisionImpact impact, RemovalLimits limits, List<String> notes,
                           Optional<String> otherWay, Optional<Revision> inForce) {

    public RemovalBlock {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(limits, "limits");
        notes = List.copyOf(notes);
        Objects.requireNonNull(otherWay, "otherWay");
        Objects.requireNonNull(inForce, "inForce");
    }

    /**
     * {@code commit abc1234 would remove 12 productions (…) and kill 3400 jobs (limits: 5 productions,
     * 1000 jobs); confirm with a merge commit trailer 'Prodctl-Allow-Removal: 12' or …; def5678 stays in force}.
     */
    public String message() {
        StringBuilder text = new StringBuilder("commit " + head.shortId() + " would " + impact.describe() + " ("
                + limits.describe() + "); confirm with a merge commit trailer '" + RemovalGuard.TRAILER + ": "
                + impact.productionsRemoved() + "'");
        otherWay.ifPresent(way -> text.append(" or ").append(way));
        notes.forEach(note -> text.append("; ").append(note));
        text.append("; ").append(inForce.map(r -> r.shortId() + " stays in force").orElse("nothing is in force yet"));
        return text.toString();
    }
}
