package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.JobKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "which jobs are there": either the jobs, or {@link Unknown} when the batch system
 * did not answer. An unknown queue is never an empty one — a status check that read "no jobs"
 * from a failed query once put 700k duplicate jobs into the pool — so callers must decide what an
 * unknown answer means for them instead of getting an empty list.
 */
public sealed interface QueueSnapshot {

    boolean isKnown();

    /** The jobs, or throws when the answer is unknown. */
    List<BatchJob> jobs();

    static QueueSnapshot of(List<BatchJob> jobs, Instant readAt) {
        return new Known(jobs, readAt);
    }

    static QueueSnapshot unknown(String reason) {
        return new Unknown(reason);
    }

    record Known(List<BatchJob> jobs, Instant readAt) implements QueueSnapshot {
        public Known {
            jobs = List.copyOf(jobs);
            Objects.requireNonNull(readAt, "readAt");
        }

        @Override
        public boolean isKnown() {
            return true;
        }

        public Optional<BatchJob> job(JobKey key) {
            return jobs.stream().filter(j -> j.key().filter(key::equals).isPresent()).findFirst();
        }
    }

    record Unknown(String reason) implements QueueSnapshot {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isKnown() {
            return false;
        }

        @Override
        public List<BatchJob> jobs() {
            throw new BatchSystemException("the batch system's answer is unknown: " + reason);
        }
    }
}
