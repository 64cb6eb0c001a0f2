package gov.bnl.sphenix.production.plan;

/**
 * Where a job stands in the batch system. The first three are jobs in the queue; the last two come
 * from its history, so that a job that finished between two passes is not mistaken for a lost one.
 */
public enum QueueState {
    IDLE, RUNNING, HELD, COMPLETED, REMOVED;

    /** Still in the queue: it occupies a place and may yet run or write outputs. */
    public boolean isLive() {
        return this == IDLE || this == RUNNING || this == HELD;
    }

    /** Counts against {@code maxQueued} and the global budget: idle or running, not held. */
    public boolean occupiesQueue() {
        return this == IDLE || this == RUNNING;
    }
}
