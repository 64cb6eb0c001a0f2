package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.spec.Production;
import java.time.Instant;
import java.util.Objects;

/**
 * A production that left the desired state (its file was removed, usually by a {@code git revert}),
 * with its last spec — whose removal policy decides what happens — and when it was removed, from
 * which its grace period runs.
 */
public record RemovedProduction(Production lastSpec, Instant removedAt) {

    public RemovedProduction {
        Objects.requireNonNull(lastSpec, "lastSpec");
        Objects.requireNonNull(removedAt, "removedAt");
    }

    public String name() {
        return lastSpec.name();
    }

    /** The moment its outputs may go, if its policy deletes them at all. */
    public Instant deletableFrom() {
        return removedAt.plus(lastSpec.onRemoval().gracePeriod());
    }
}
