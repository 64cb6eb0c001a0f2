package gov.bnl.sphenix.production.batch;

/**
 * Where a job stands. The first three are jobs in the queue; {@code COMPLETED} and
 * {@code REMOVED} come from the history (and, briefly, from the queue while a job leaves it).
 */
public enum JobState {
    IDLE, RUNNING, HELD, COMPLETED, REMOVED;

    /** Still in the queue: it occupies a place and may yet run or write outputs. */
    public boolean isLive() {
        return this == IDLE || this == RUNNING || this == HELD;
    }
}
