package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the queue says of a live job that the plan does not act on, for the ledger to record: so the
 * ledger tells where each job stands (queued, running or held, with its start time) between passes
 * and for tools that read only the ledger. A key an action of the plan touches is left to that
 * action; ends of jobs are recorded by the harvest and by actions, never from a sighting. A row
 * that already says what the queue says is not seen again, so a quiet pass writes nothing.
 *
 * @param key       the job key of the ledger row
 * @param job       the row's own batch job
 * @param state     what the ledger records: queued, running or held
 * @param startedAt when it started, for a running job
 */
public record JobSeen(JobKey key, BatchJobId job, LedgerState state, Optional<Instant> startedAt) {

    public JobSeen {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(startedAt, "startedAt");
        if (!state.isSubmitted()) {
            throw new IllegalArgumentException("only a job in the queue is seen, not a " + state + " one: " + job);
        }
    }

    /**
     * The sighting of {@code row}'s own job, when the row is submitted in the ledger, its job is
     * live in the queue and the ledger says something else of it.
     */
    static Optional<JobSeen> of(LedgerRow row, Iterable<BatchJob> jobsOfKey) {
        if (row == null || !row.state().isSubmitted() || row.batchJob().isEmpty()) {
            return Optional.empty();
        }
        for (BatchJob job : jobsOfKey) {
            LedgerState recorded = LedgerState.recording(job.state());
            if (job.id().equals(row.batchJob().get()) && job.isLive() && recorded != row.state()) {
                return Optional.of(new JobSeen(row.key(), job.id(), recorded,
                        job.state() == BatchState.RUNNING ? job.startedAt() : Optional.empty()));
            }
        }
        return Optional.empty();
    }
}
