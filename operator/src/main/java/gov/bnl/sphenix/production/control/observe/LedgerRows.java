package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.catalog.ledger.Hold;
import gov.bnl.sphenix.production.catalog.ledger.JobState;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.plan.HoldRecord;
import gov.bnl.sphenix.production.plan.LedgerRow;
import gov.bnl.sphenix.production.plan.LedgerState;
import gov.bnl.sphenix.production.plan.QueueState;
import gov.bnl.sphenix.production.spec.BatchJobId;
import gov.bnl.sphenix.production.spec.JobKey;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's rows as the planner reads them. The ledger keeps finer states than the planner
 * needs (it tells idle from running for status); the planner only asks whether a job is live,
 * finished, killed or lost.
 */
public final class LedgerRows {

    private LedgerRows() {
    }

    public static LedgerState state(JobState state) {
        return switch (state) {
            case SUBMITTING -> LedgerState.SUBMITTING;
            case IDLE, RUNNING, HELD -> LedgerState.QUEUED;
            case FINISHED -> LedgerState.SUCCEEDED;
            case FAILED -> LedgerState.FAILED;
            case REMOVED -> LedgerState.KILLED;
            case LOST -> LedgerState.LOST;
        };
    }

    /**
     * The ledger's word for a batch job's state, as the planner decided the ledger should record it
     * (a sighting, an adoption); a completed job has none until it is harvested.
     */
    public static JobState ledgerState(QueueState state) {
        return switch (state) {
            case IDLE -> JobState.IDLE;
            case RUNNING -> JobState.RUNNING;
            case HELD -> JobState.HELD;
            case REMOVED -> JobState.REMOVED;
            case COMPLETED -> throw new IllegalArgumentException(
                    "a completed job is recorded by its harvest, not from the queue");
        };
    }

    public static JobKey key(LedgerJob job) {
        return JobKey.ofLeaf(job.key().production(), job.key().run(), job.key().segment(), job.key().leaf());
    }

    public static Optional<BatchJobId> batchJob(LedgerJob job) {
        return job.clusterId().isPresent() && job.procId().isPresent()
                ? Optional.of(new BatchJobId(job.clusterId().getAsLong(), job.procId().getAsInt()))
                : Optional.empty();
    }

    public static LedgerRow toPlanner(LedgerJob job, List<Hold> holds) {
        return new LedgerRow(key(job), state(job.state()), job.attempt(), job.requestMib(), job.batchToken(),
                batchJob(job), job.rerunToken(), job.submittedAt(),
                holds.stream().map(LedgerRows::holdRecord).toList());
    }

    private static HoldRecord holdRecord(Hold hold) {
        return new HoldRecord(hold.at(), new gov.bnl.sphenix.production.spec.Hold(hold.code().orElse(0),
                hold.subcode().orElse(0), hold.reason()));
    }
}
