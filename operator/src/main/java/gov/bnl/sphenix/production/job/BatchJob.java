package gov.bnl.sphenix.production.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One job as the batch system reports it, from the queue or its recent history: what the batch
 * adapters read and what the planner decides on.
 *
 * @param id               ClusterId.ProcId
 * @param key              from {@code ProdOpJobKey}; empty for a job that carries none (not ours,
 *                         or submitted by hand) — the planner then matches it to the ledger by batch
 *                         token
 * @param batchToken       {@code ProdOpToken}: the token the ledger row was inserted with before
 *                         submission; {@code ""} when absent
 * @param rerunToken       {@code ProdOpRerunToken}: the rerun token the job was submitted under;
 *                         {@code ""} when absent
 * @param state            queued, running, held (in the queue), completed or removed (history)
 * @param hold             the hold, when held
 * @param requestMemoryMib {@code RequestMemory}; 0 when the job asks for an expression
 * @param memoryUsageMib   peak resident memory seen ({@code MemoryUsage}), when measured
 * @param numJobStarts     {@code NumJobStarts}: how often the job started, releases and evictions
 *                         both count
 * @param queuedAt         {@code QDate}
 * @param startedAt        {@code JobCurrentStartDate}: the start of the current (or last) run
 * @param stateSince       {@code EnteredCurrentStatus}: for a held job, when it was held
 * @param exitCode         {@code ExitCode} when it ended; 128 + signal when a signal ended it
 */
public record BatchJob(BatchJobId id, Optional<JobKey> key, String batchToken, String rerunToken, BatchState state,
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
        if (state == BatchState.HELD && hold.isEmpty()) {
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
        return state == BatchState.HELD && hold.map(Hold::isMemoryExceeded).orElse(false);
    }

    /** The same job under a key, for a job that carries none but was matched to its ledger row by batch token. */
    public BatchJob withKey(JobKey newKey) {
        return new BatchJob(id, Optional.of(newKey), batchToken, rerunToken, state, hold, requestMemoryMib,
                memoryUsageMib, numJobStarts, queuedAt, startedAt, stateSince, exitCode);
    }

    /** The same job under the id {@code newId}: its schedd's name added to the id the schedd reported. */
    public BatchJob withId(BatchJobId newId) {
        return new BatchJob(newId, key, batchToken, rerunToken, state, hold, requestMemoryMib, memoryUsageMib,
                numJobStarts, queuedAt, startedAt, stateSince, exitCode);
    }

    /** The same job after the batch system moved it on, for tests and simulations. */
    public BatchJob withState(BatchState newState, Optional<Hold> newHold) {
        return new BatchJob(id, key, batchToken, rerunToken, newState, newHold, requestMemoryMib, memoryUsageMib,
                numJobStarts, queuedAt, startedAt, stateSince, exitCode);
    }

    public BatchJob withRequestMemory(int mib) {
        return new BatchJob(id, key, batchToken, rerunToken, state, hold, mib, memoryUsageMib, numJobStarts,
                queuedAt, startedAt, stateSince, exitCode);
    }

    @Override
    public String toString() {
        return id + " " + key.map(JobKey::toString).orElse("(no key)") + " " + state
                + hold.map(h -> " [" + h + "]").orElse("");
    }
}
