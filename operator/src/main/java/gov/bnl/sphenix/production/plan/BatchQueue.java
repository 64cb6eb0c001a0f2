package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import java.util.List;

/**
 * The batch queue and its recent history as read this pass. {@code readable} false means the
 * read failed: the planner then plans nothing, because an unknown queue is not an empty one
 * (a bugged status check once put 700k jobs in the queue).
 */
public record BatchQueue(boolean readable, List<BatchJob> jobs) {

    public BatchQueue {
        jobs = List.copyOf(jobs);
        if (!readable && !jobs.isEmpty()) {
            throw new IllegalArgumentException("an unreadable queue has no jobs to show");
        }
    }

    public static BatchQueue unreadable() {
        return new BatchQueue(false, List.of());
    }

    public static BatchQueue of(List<BatchJob> jobs) {
        return new BatchQueue(true, jobs);
    }
}
