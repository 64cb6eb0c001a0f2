package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.spec.BatchJobId;
import gov.bnl.sphenix.production.spec.JobKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the queue says of a live job that the plan does not act on, for the ledger to record: so the
 * ledger tells where each job stands (idle, running or held, with its start time) between passes
 * and for tools that read only the ledger. A key an action of the plan touches is left to that
 * action; ends of jobs are recorded by the harvest and by actions, never from a sighting.
 *
 * @param key       the job key of the ledger row
 * @param job       the row's own batch job
 * @param state     idle, running or held
 * @param startedAt when it started, for a running job
 */
public record JobSeen(JobKey key, BatchJobId job, QueueState state, Optional<Instant> startedAt) {

    public JobSeen {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(startedAt, "startedAt");
        if (!state.isLive()) {
            throw new IllegalArgumentException("only a job in the queue is seen, not a " + state + " one: " + job);
        }
    }

    /** The sighting of {@code row}'s own job, when the row is queued in the ledger and its job is live in the queue. */
    static Optional<JobSeen> of(LedgerRow row, Iterable<QueueJob> jobsOfKey) {
        if (row == null || row.state() != LedgerState.QUEUED || row.batchJob().isEmpty()) {
            return Optional.empty();
        }
        for (QueueJob job : jobsOfKey) {
            if (job.id().equals(row.batchJob().get()) && job.isLive()) {
                return Optional.of(new JobSeen(row.key(), job.id(), job.state(),
                        job.state() == QueueState.RUNNING ? job.startedAt() : Optional.empty()));
            }
        }
        return Optional.empty();
    }
}
