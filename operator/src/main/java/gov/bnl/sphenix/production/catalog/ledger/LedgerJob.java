package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.LedgerState;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One row of the job ledger. */
public record LedgerJob(long id, LedgerKey key, LedgerState state, int attempt, int memoryRung, int requestMib,
                        OptionalLong clusterId, OptionalInt procId, String batchToken,
                        Optional<Instant> submittedAt, Optional<Instant> startedAt, Optional<Instant> endedAt,
                        OptionalInt exitCode, OptionalLong nevents, String revision, String rerunToken) {
}
