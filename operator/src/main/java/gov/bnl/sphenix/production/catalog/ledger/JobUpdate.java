package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.LedgerState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the batch system says about a job now. Absent values leave the ledger's value as it is,
 * so an observation that lacks the start time does not erase it.
 */
public record JobUpdate(long jobId, LedgerState state, Optional<Instant> startedAt, Optional<Instant> endedAt,
                        OptionalInt exitCode, OptionalLong nevents) {

    public JobUpdate {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(nevents, "nevents");
    }

    public static JobUpdate running(long jobId, Instant startedAt) {
        return new JobUpdate(jobId, LedgerState.RUNNING, Optional.of(startedAt), Optional.empty(),
                OptionalInt.empty(), OptionalLong.empty());
    }

    /** Exit code 0 is {@link LedgerState#SUCCEEDED}; anything else {@link LedgerState#FAILED}. */
    public static JobUpdate ended(long jobId, Instant endedAt, int exitCode, long nevents) {
        return new JobUpdate(jobId, exitCode == 0 ? LedgerState.SUCCEEDED : LedgerState.FAILED, Optional.empty(),
                Optional.of(endedAt), OptionalInt.of(exitCode), OptionalLong.of(nevents));
    }

    public static JobUpdate killed(long jobId, Instant endedAt) {
        return new JobUpdate(jobId, LedgerState.KILLED, Optional.empty(), Optional.of(endedAt),
                OptionalInt.empty(), OptionalLong.empty());
    }
}
