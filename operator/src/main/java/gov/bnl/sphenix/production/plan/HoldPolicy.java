package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.spec.MemoryLadder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What to do with a live job that is held, restarts too often or runs too long — the hand work of
 * today's shifts ({@code condor_qedit RequestMemory=…} then {@code condor_release}) as a rule, with
 * a bound on every loop:
 *
 * <ul>
 *   <li>held for memory: release at the next rung of the production's memory ladder; past the top
 *       rung, stop the job and fail the key;</li>
 *   <li>held for anything else: release after a back-off that doubles each time, up to
 *       {@code maxReleases} times, then fail;</li>
 *   <li>restarted after eviction more than {@code maxRestarts} times: fail;</li>
 *   <li>running longer than {@code maxRunTime}: fail.</li>
 * </ul>
 */
final class HoldPolicy {

    /** The decision for one job. */
    sealed interface Verdict {
        /** Nothing to do: the job is fine, or waits for its back-off. */
        record Leave(boolean backingOff) implements Verdict {
        }

        record Release(int memoryMib, Hold hold, String reason) implements Verdict {
        }

        /** Kill the job and mark its key failed. */
        record Stop(Optional<Hold> hold, String reason) implements Verdict {
        }
    }

    private static final Verdict.Leave FINE = new Verdict.Leave(false);

    private final PlannerSettings settings;
    private final Instant now;
    private final Duration maxRunTime;

    /** @param maxRunTime the production's maximum run time, else the operator's */
    HoldPolicy(PlannerSettings settings, Instant now, Duration maxRunTime) {
        this.settings = settings;
        this.now = now;
        this.maxRunTime = maxRunTime;
    }

    Verdict judge(BatchJob job, LedgerRow row, MemoryLadder ladder) {
        if (job.state() == BatchState.HELD) {
            Hold hold = job.hold().orElseThrow();
            return settings.isMemoryHold(hold) ? memoryHold(job, hold, ladder) : otherHold(job, hold, row);
        }
        if (job.state() == BatchState.RUNNING && job.startedAt().isPresent()) {
            Duration running = Duration.between(job.startedAt().get(), now);
            if (running.compareTo(maxRunTime) > 0) {
                return new Verdict.Stop(Optional.empty(), "running for " + Words.duration(running)
                        + ", longer than the maximum run time of " + Words.duration(maxRunTime));
            }
        }
        int restarts = restartsAfterEviction(job, row);
        if (job.isLive() && restarts > settings.maxRestarts()) {
            return new Verdict.Stop(Optional.empty(), "restarted " + restarts + " times after eviction, more than the "
                    + settings.maxRestarts() + " allowed");
        }
        return FINE;
    }

    private Verdict memoryHold(BatchJob job, Hold hold, MemoryLadder ladder) {
        int current = job.requestMemoryMib();
        Optional<Integer> next = ladder.nextAbove(current);
        if (next.isEmpty()) {
            return new Verdict.Stop(Optional.of(hold), "memory exceeded at " + Words.memory(current)
                    + ", the top of its memory ladder " + Words.ladder(ladder) + " (" + hold + ")");
        }
        return new Verdict.Release(next.get(), hold, "memory exceeded at " + Words.memory(current) + " (" + hold
                + "): next rung " + Words.memory(next.get()) + " of " + Words.ladder(ladder));
    }

    private Verdict otherHold(BatchJob job, Hold hold, LedgerRow row) {
        long released = row.holds().stream().filter(h -> !settings.isMemoryHold(h.hold())).count();
        if (released >= settings.maxReleases()) {
            return new Verdict.Stop(Optional.of(hold), "held again after " + Words.count(released, "release")
                    + " (at most " + settings.maxReleases() + "): " + hold);
        }
        Duration wait = settings.releaseBackoff().multipliedBy(1L << Math.min(released, 30));
        Instant heldSince = job.stateSince().orElse(Instant.EPOCH);
        if (now.isBefore(heldSince.plus(wait))) {
            return new Verdict.Leave(true);
        }
        return new Verdict.Release(job.requestMemoryMib(), hold, "held (" + hold + "); release " + (released + 1)
                + " of " + settings.maxReleases() + " after a back-off of " + Words.duration(wait));
    }

    /**
     * Every start after the first is a restart; the ones that followed a release are ours, the
     * rest followed an eviction.
     */
    private static int restartsAfterEviction(BatchJob job, LedgerRow row) {
        return Math.max(0, job.numJobStarts() - 1 - row.holds().size());
    }
}
