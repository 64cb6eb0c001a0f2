package gov.bnl.sphenix.production.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Caps on one production: jobs queued or running in the batch system at once, and submissions per
 * reconcile pass. They keep one production from flooding the pool (700k jobs waiting in the queue happened).
 * And, when the physicist who owns the production says so, how long one of its jobs may run before
 * it is stopped: event builders of long runs need more than the operator's 3 days.
 *
 * @param maxRunTime empty: the operator's maximum run time
 */
public record Limits(int maxQueued, int maxSubmitPerCycle, Optional<Duration> maxRunTime) {

    public static final Limits DEFAULT = new Limits(10_000, 1_000);

    public Limits {
        if (maxQueued < 0 || maxSubmitPerCycle < 0) {
            throw new IllegalArgumentException("limits are not negative: maxQueued=" + maxQueued
                    + ", maxSubmitPerCycle=" + maxSubmitPerCycle);
        }
        Objects.requireNonNull(maxRunTime, "maxRunTime");
        if (maxRunTime.isPresent() && maxRunTime.get().toSeconds() < 60) {
            throw new IllegalArgumentException("a maximum run time is at least a minute, not " + maxRunTime.get());
        }
    }

    public Limits(int maxQueued, int maxSubmitPerCycle) {
        this(maxQueued, maxSubmitPerCycle, Optional.empty());
    }

    /** This production's maximum run time, else the operator's. */
    public Duration maxRunTimeOr(Duration operators) {
        return maxRunTime.orElse(operators);
    }
}
