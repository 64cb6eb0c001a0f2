package gov.bnl.sphenix.production.spec;

/**
 * Caps on one production: jobs queued or running in the batch system at once, and submissions per
 * reconcile pass. They keep one production from flooding the pool (700k jobs waiting in the queue happened).
 */
public record Limits(int maxQueued, int maxSubmitPerCycle) {

    public static final Limits DEFAULT = new Limits(10_000, 1_000);

    public Limits {
        if (maxQueued < 0 || maxSubmitPerCycle < 0) {
            throw new IllegalArgumentException("limits are not negative: maxQueued=" + maxQueued
                    + ", maxSubmitPerCycle=" + maxSubmitPerCycle);
        }
    }
}
