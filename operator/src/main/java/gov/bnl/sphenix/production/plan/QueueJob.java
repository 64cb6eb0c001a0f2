package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.spec.Hold;
import gov.bnl.sphenix.production.spec.BatchJobId;
import gov.bnl.sphenix.production.spec.JobKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One job as the batch system reports it, from the queue or its recent history.
 *
 * @param id               ClusterId.ProcId
 * @param key              the job key from the job's ClassAds; empty when a job carries none (the
 *                         planner then matches it to the ledger by batch token)
 * @param batchToken       the token the ledger row was inserted with before submission
 * @param rerunToken       the rerun token the job was submitted under
 * @param state            idle, running, held, or completed / removed (history)
 * @param hold             the current hold, when held
 * @param requestMemoryMib {@code RequestMemory}
 * @param numJobStarts     {@code NumJobStarts}: how often the job started, releases and evictions included
 * @param queuedAt         {@code QDate}
 * @param startedAt        {@code JobCurrentStartDate}, when running
 * @param stateSince       {@code EnteredCurrentStatus}: for a held job, when it was held
 * @param exitCode         {@code ExitCode}, when completed
 */
public record QueueJob(BatchJobId id, Optional<JobKey> key, String batchToken, String rerunToken,
                       QueueState state, Optional<Hold> hold, int requestMemoryMib, int numJobStarts,
                       Optional<Instant> queuedAt, Optional<Instant> startedAt, Optional<Instant> stateSince,
                       OptionalInt exitCode) {

    public QueueJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(batchToken, "batchToken");
        Objects.requireNonNull(rerunToken, "rerunToken");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stateSince, "stateSince");
        Objects.requireNonNull(exitCode, "exitCode");
        if (state == QueueState.HELD && hold.isEmpty()) {
            throw new IllegalArgumentException("held job " + id + " needs its hold reason");
        }
    }

    public boolean isLive() {
        return state.isLive();
    }

    public String production() {
        return key.map(JobKey::production).orElse("");
    }

    /** The same job after the batch system moved it on, for tests and simulations. */
    public QueueJob withState(QueueState newState, Optional<Hold> newHold) {
        return new QueueJob(id, key, batchToken, rerunToken, newState, newHold, requestMemoryMib, numJobStarts,
                queuedAt, startedAt, stateSince, exitCode);
    }

    public QueueJob withRequestMemory(int mib) {
        return new QueueJob(id, key, batchToken, rerunToken, state, hold, mib, numJobStarts,
                queuedAt, startedAt, stateSince, exitCode);
    }
}
