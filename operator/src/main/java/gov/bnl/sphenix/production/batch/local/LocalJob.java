package gov.bnl.sphenix.production.batch.local;

import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One job in the local executor's queue. Mutable, and only touched while the executor holds its
 * lock; the outside world sees {@link #view()}.
 */
final class LocalJob {

    final BatchJobId id;
    final JobSpec spec;
    final InputSlice inputs;
    final Instant queuedAt;
    BatchState state = BatchState.QUEUED;
    Optional<Hold> hold = Optional.empty();
    int requestMemoryMib;
    int priority;
    int peakMemoryMib;
    boolean memoryMeasured;
    int numJobStarts;
    int numHolds;
    Instant startedAt;
    Instant stateSince;
    Integer exitCode;
    Process process;
    /** The scratch directory of a running job in sphenixprod's convention, else null. */
    Path scratch;

    LocalJob(BatchJobId id, JobSpec spec, InputSlice inputs, Instant now) {
        this.id = id;
        this.spec = spec;
        this.inputs = inputs;
        this.queuedAt = now;
        this.stateSince = now;
        this.requestMemoryMib = spec.requestMemoryMib();
        this.priority = spec.priority();
    }

    void enter(BatchState newState, Instant now) {
        state = newState;
        stateSince = now;
    }

    BatchJob view() {
        return new BatchJob(id, Optional.of(spec.key()), spec.batchToken(), spec.rerunToken(), state, hold,
                requestMemoryMib, memoryMeasured ? OptionalInt.of(peakMemoryMib) : OptionalInt.empty(), numJobStarts,
                Optional.of(queuedAt), Optional.ofNullable(startedAt), Optional.of(stateSince),
                exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode));
    }
}
