package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.LedgerRow;
import java.util.List;
import java.util.Optional;

/** The ledger's rows as the planner reads them, and the ledger state a job in the queue stands for. */
public final class LedgerRows {

    private LedgerRows() {
    }

    public static Optional<BatchJobId> batchJob(LedgerJob job) {
        return job.clusterId().isPresent() && job.procId().isPresent()
                ? Optional.of(new BatchJobId(job.clusterId().getAsLong(), job.procId().getAsInt(), job.schedd()))
                : Optional.empty();
    }

    public static LedgerRow toPlanner(LedgerJob job, List<HoldRecord> holds) {
        return new LedgerRow(job.key().job(), job.state(), job.attempt(), job.requestMib(), job.batchToken(),
                batchJob(job), job.rerunToken(), job.submittedAt(), holds);
    }
}
