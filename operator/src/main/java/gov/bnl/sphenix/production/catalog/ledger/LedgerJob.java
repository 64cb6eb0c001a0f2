package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.LedgerState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of the job ledger.
 *
 * @param schedd the schedd holding the row's job when the source names its schedds; empty otherwise
 */
public record LedgerJob(long id, LedgerKey key, LedgerState state, int attempt, int memoryRung, int requestMib,
                        OptionalLong clusterId, OptionalInt procId, String batchToken,
                        Optional<Instant> submittedAt, Optional<Instant> startedAt, Optional<Instant> endedAt,
                        OptionalInt exitCode, OptionalLong nevents, String revision, String rerunToken, String schedd) {

    public LedgerJob {
        Objects.requireNonNull(schedd, "schedd");
    }

    /** A row of the unnamed schedd. */
    public LedgerJob(long id, LedgerKey key, LedgerState state, int attempt, int memoryRung, int requestMib,
                     OptionalLong clusterId, OptionalInt procId, String batchToken,
                     Optional<Instant> submittedAt, Optional<Instant> startedAt, Optional<Instant> endedAt,
                     OptionalInt exitCode, OptionalLong nevents, String revision, String rerunToken) {
        this(id, key, state, attempt, memoryRung, requestMib, clusterId, procId, batchToken, submittedAt, startedAt,
                endedAt, exitCode, nevents, revision, rerunToken, "");
    }
}
