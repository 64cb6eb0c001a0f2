package gov.bnl.sphenix.production.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * What the batch system itself enforces on every job, so that no job loops or runs forever even
 * when the operator is down: a hold when memory usage passes the request, a hold when a job has
 * started more than {@code maxStarts} times without being held in between (restarts after
 * eviction), a hold when it runs longer than {@code maxRunTime}. Holds, not removals: a held job
 * keeps its reason in the queue for the planner to read and decide.
 */
public record JobPolicy(boolean holdOnMemoryExceeded, int maxStarts, Duration maxRunTime) {

    public static final JobPolicy DEFAULT = new JobPolicy(true, 3, Duration.ofDays(3));

    public JobPolicy {
        Objects.requireNonNull(maxRunTime, "maxRunTime");
        if (maxStarts < 1) {
            throw new IllegalArgumentException("a job must be allowed to start at least once, got maxStarts " + maxStarts);
        }
        if (maxRunTime.isNegative() || maxRunTime.toSeconds() < 1) {
            throw new IllegalArgumentException("the maximum run time must be at least a second, got " + maxRunTime);
        }
    }

    public JobPolicy withMaxRunTime(Duration runTime) {
        return new JobPolicy(holdOnMemoryExceeded, maxStarts, runTime);
    }
}
