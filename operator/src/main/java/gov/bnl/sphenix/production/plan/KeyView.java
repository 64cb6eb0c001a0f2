package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.JobKey;
import java.util.List;

/**
 * Everything observed about one job key, gathered by the merge. Absent parts are null: this is a
 * short-lived internal view made a million times per pass, not a value handed around.
 *
 * @param candidate its readiness, if the catalog lists it as ready
 * @param row       its ledger row
 * @param jobs      its jobs in the batch queue and history that carry the key, by job id
 * @param output    its existing outputs
 */
record KeyView(JobKey key, Candidate candidate, LedgerRow row, List<BatchJob> jobs, ExistingOutput output) {

    boolean hasOutput() {
        return output != null;
    }
}
