package gov.bnl.sphenix.production.catalog.ledger;

import java.util.Locale;

/** Where a job stands in the ledger. Stored as lower-case text, checked by the table. */
public enum JobState {
    /** Row written, batch submission not yet confirmed: the crash window the batch token closes. */
    SUBMITTING,
    IDLE,
    RUNNING,
    HELD,
    FINISHED,
    FAILED,
    REMOVED,
    /** A submission that never reached the queue, reset after its timeout: free to be submitted again. */
    LOST;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Still in (or on its way into) the batch queue. */
    public boolean live() {
        return this == SUBMITTING || this == IDLE || this == RUNNING || this == HELD;
    }
}
