package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the job ledger, as far as planning needs it.
 *
 * @param key         the job key (unique in the ledger)
 * @param state       see {@link LedgerState}
 * @param attempt     1 for the first submission, one more for each resubmission
 * @param memoryMib   the memory request of the current attempt
 * @param batchToken  the token written before submission and carried by the job as a ClassAd
 * @param batchJob    ClusterId.ProcId once the submission is recorded
 * @param rerunToken  the rerun token the key was last submitted under
 * @param submittedAt when the row went to {@code SUBMITTING}
 * @param holds       every hold seen and released, oldest first
 */
public record LedgerRow(JobKey key, LedgerState state, int attempt, int memoryMib, String batchToken,
                        Optional<BatchJobId> batchJob, String rerunToken, Optional<Instant> submittedAt,
                        List<HoldRecord> holds) {

    public LedgerRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(batchToken, "batchToken");
        Objects.requireNonNull(batchJob, "batchJob");
        Objects.requireNonNull(rerunToken, "rerunToken");
        Objects.requireNonNull(submittedAt, "submittedAt");
        holds = List.copyOf(holds);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt + " for " + key);
        }
    }

    public LedgerRow withState(LedgerState newState) {
        return new LedgerRow(key, newState, attempt, memoryMib, batchToken, batchJob, rerunToken, submittedAt, holds);
    }
}
