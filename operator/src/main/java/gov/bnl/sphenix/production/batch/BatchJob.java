package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.spec.Hold;
import gov.bnl.sphenix.production.spec.BatchJobId;
import gov.bnl.sphenix.production.spec.JobKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One job as the batch system reports it, from the queue or its history.
 *
 * @param id               ClusterId.ProcId
 * @param key              from {@code ProdOpJobKey}; empty for a job that carries none (not ours,
 *                         or submitted by hand) — the planner then matches it by batch token
 * @param batchToken       {@code ProdOpToken}, {@code ""} when absent
 * @param rerunToken       {@code ProdOpRerunToken}, {@code ""} when absent
 * @param state            idle, running, held, completed or removed
 * @param hold             the hold, when held
 * @param requestMemoryMib {@code RequestMemory}; 0 when the job asks for an expression
 * @param memoryUsageMib   peak resident memory seen ({@code MemoryUsage}), when measured
 * @param numJobStarts     {@code NumJobStarts}: releases and evictions both count
 * @param queuedAt         {@code QDate}
 * @param startedAt        {@code JobCurrentStartDate}: the start of the current (or last) run
 * @param stateSince       {@code EnteredCurrentStatus}: for a held job, when it was held
 * @param exitCode         {@code ExitCode} when it ended; 128 + signal when a signal ended it
 */
public record BatchJob(BatchJobId id, Optional<JobKey> key, String batchToken, String rerunToken, JobState state,
                       Optional<Hold> hold, int requestMemoryMib, OptionalInt memoryUsageMib, int numJobStarts,
                       Optional<Instant> queuedAt, Optional<Instant> startedAt, Optional<Instant> stateSince,
                       OptionalInt exitCode) {

    public BatchJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(batchToken, "batchToken");
        Objects.requireNonNull(rerunToken, "rerunToken");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(memoryUsageMib, "memoryUsageMib");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stateSince, "stateSince");
        Objects.requireNonNull(exitCode, "exitCode");
        if (state == JobState.HELD && hold.isEmpty()) {
            throw new IllegalArgumentException("held job " + id + " needs its hold reason");
        }
    }

    public String production() {
        return key.map(JobKey::production).orElse("");
    }

    public boolean isLive() {
        return state.isLive();
    }

    public boolean isHeldForMemory() {
        return state == JobState.HELD && hold.map(Hold::isMemoryExceeded).orElse(false);
    }

    @Override
    public String toString() {
        return id + " " + key.map(JobKey::toString).orElse("(no key)") + " " + state
                + hold.map(h -> " [" + h + "]").orElse("");
    }
}
