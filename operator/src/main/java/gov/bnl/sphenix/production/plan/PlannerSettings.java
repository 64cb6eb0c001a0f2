package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.HoldSignature;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The operator-wide knobs of planning. Per-production caps live in the production spec; these are
 * the limits of the pool and the policies for jobs that misbehave.
 *
 * @param globalQueueBudget      queued plus running jobs of all productions together
 * @param maxReleases            releases of a job held for a reason other than memory before it fails
 * @param releaseBackoff         wait before the first such release; doubled for each further one
 * @param maxRestarts            restarts after eviction before a job is stopped (no infinite restarts)
 * @param maxRunTime             a running job older than this is killed and failed
 * @param staleSubmittingAfter   a {@code SUBMITTING} row with no job in the queue for this long is reset
 * @param starvationGuardPercent share of each production's submissions reserved for its oldest pending runs
 * @param segmentZeroFirst       rank segment 0 of every run before the other segments (fast QA)
 * @param memoryHolds            holds that mean "memory exceeded" and climb the memory ladder
 * @param deleteBatchSize        job keys per {@link Action.DeleteOutputs}, so one action stays one transaction
 * @param harvestGrace           how long a completed job's manifest may take to show on the shared file
 *                               system before the job fails for want of it ({@link MissingManifest})
 */
public record PlannerSettings(int globalQueueBudget, int maxReleases, Duration releaseBackoff, int maxRestarts,
                              Duration maxRunTime, Duration staleSubmittingAfter, int starvationGuardPercent,
                              boolean segmentZeroFirst, List<HoldSignature> memoryHolds, int deleteBatchSize,
                              Duration harvestGrace) {

    /** The holds that mean "memory exceeded", as {@link Hold#MEMORY_HOLDS} names them. */
    public static final List<HoldSignature> MEMORY_HOLDS = Hold.MEMORY_HOLDS;

    public static final PlannerSettings DEFAULTS = new PlannerSettings(50_000, 3, Duration.ofMinutes(10), 3,
            Duration.ofDays(3), Duration.ofMinutes(15), 10, true, MEMORY_HOLDS, 10_000, MissingManifest.GRACE);

    public PlannerSettings {
        Objects.requireNonNull(releaseBackoff, "releaseBackoff");
        Objects.requireNonNull(maxRunTime, "maxRunTime");
        Objects.requireNonNull(staleSubmittingAfter, "staleSubmittingAfter");
        memoryHolds = List.copyOf(memoryHolds);
        if (globalQueueBudget < 0 || maxReleases < 0 || maxRestarts < 0) {
            throw new IllegalArgumentException("budgets and counts are not negative");
        }
        if (releaseBackoff.isNegative() || maxRunTime.isNegative() || maxRunTime.isZero() || staleSubmittingAfter.isNegative()) {
            throw new IllegalArgumentException("back-off and timeouts must be positive durations");
        }
        if (starvationGuardPercent < 0 || starvationGuardPercent > 100) {
            throw new IllegalArgumentException("the starvation guard is a percentage, got " + starvationGuardPercent);
        }
        Objects.requireNonNull(harvestGrace, "harvestGrace");
        if (harvestGrace.isNegative()) {
            throw new IllegalArgumentException("the harvest grace period is not negative: " + harvestGrace);
        }
        if (deleteBatchSize < 1) {
            throw new IllegalArgumentException("deleteBatchSize must be at least 1");
        }
    }

    public PlannerSettings withGlobalQueueBudget(int budget) {
        return new PlannerSettings(budget, maxReleases, releaseBackoff, maxRestarts, maxRunTime,
                staleSubmittingAfter, starvationGuardPercent, segmentZeroFirst, memoryHolds, deleteBatchSize, harvestGrace);
    }

    public PlannerSettings withStarvationGuardPercent(int percent) {
        return new PlannerSettings(globalQueueBudget, maxReleases, releaseBackoff, maxRestarts, maxRunTime,
                staleSubmittingAfter, percent, segmentZeroFirst, memoryHolds, deleteBatchSize, harvestGrace);
    }

    public PlannerSettings withSegmentZeroFirst(boolean first) {
        return new PlannerSettings(globalQueueBudget, maxReleases, releaseBackoff, maxRestarts, maxRunTime,
                staleSubmittingAfter, starvationGuardPercent, first, memoryHolds, deleteBatchSize, harvestGrace);
    }

    public PlannerSettings withStaleSubmittingAfter(Duration timeout) {
        return new PlannerSettings(globalQueueBudget, maxReleases, releaseBackoff, maxRestarts, maxRunTime,
                timeout, starvationGuardPercent, segmentZeroFirst, memoryHolds, deleteBatchSize, harvestGrace);
    }

    public PlannerSettings withDeleteBatchSize(int size) {
        return new PlannerSettings(globalQueueBudget, maxReleases, releaseBackoff, maxRestarts, maxRunTime,
                staleSubmittingAfter, starvationGuardPercent, segmentZeroFirst, memoryHolds, size, harvestGrace);
    }

    public boolean isMemoryHold(Hold hold) {
        return memoryHolds.stream().anyMatch(s -> s.matches(hold));
    }
}
