package gov.bnl.sphenix.production.job;

/**
 * Where a job stands in the batch system. The first three are jobs in the queue; {@code COMPLETED}
 * and {@code REMOVED} come from its history (and, briefly, from the queue while a job leaves it), so
 * that a job that ended between two passes is not mistaken for a lost one.
 */
public enum BatchState {
    /** In the queue, waiting to start: what HTCondor calls Idle (JobStatus 1). */
    QUEUED,
    RUNNING,
    HELD,
    /** Ended in the batch system; its outputs are not harvested yet. */
    COMPLETED,
    /** Taken out of the batch system, by the operator, by hand or by a policy. */
    REMOVED;

    /** In the queue: it occupies a place and may yet run or write outputs. */
    public boolean isLive() {
        return this == QUEUED || this == RUNNING || this == HELD;
    }

    /** Counts against {@code maxQueued} and the global budget: queued or running, not held. */
    public boolean countsAgainstBudget() {
        return this == QUEUED || this == RUNNING;
    }
}
