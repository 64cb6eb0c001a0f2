package gov.bnl.sphenix.production.job;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a job key stands in the operator's own record, the job ledger: one word for the database
 * (stored as lower-case text, checked by the table) and for the planner.
 *
 * <ul>
 *   <li>{@code SUBMITTING}: the row is written, the submission not confirmed — the crash window the
 *       batch token closes;</li>
 *   <li>{@code QUEUED}, {@code RUNNING}, {@code HELD}: the last thing the batch system said of the
 *       submitted job (a job that ended stays in its last live state until the harvest closes it);</li>
 *   <li>{@code SUCCEEDED}, {@code FAILED}: finished for good (a new rerun token is the way to retry);</li>
 *   <li>{@code KILLED}: removed by the operator (removal, rerun, a resubmission); may be submitted again;</li>
 *   <li>{@code LOST}: a submission that never reached the queue (a stale reset); may be submitted again.</li>
 * </ul>
 */
public enum LedgerState {
    SUBMITTING, QUEUED, RUNNING, HELD, SUCCEEDED, FAILED, KILLED, LOST;

    /** The states in which the batch system holds (or held, until the harvest) the key's job. */
    private static final Set<LedgerState> SUBMITTED = EnumSet.of(QUEUED, RUNNING, HELD);
    private static final Set<LedgerState> LIVE = EnumSet.of(SUBMITTING, QUEUED, RUNNING, HELD);

    /** The text the {@code job} table stores. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LedgerState fromDb(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** The ledger believes a job exists or is about to: never two of them for one key. */
    public boolean isLive() {
        return LIVE.contains(this);
    }

    /** Submitted and recorded: a job the batch system knows, whose outputs are not harvested yet. */
    public boolean isSubmitted() {
        return SUBMITTED.contains(this);
    }

    /** Finished for good: never submitted again under the same rerun token. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }

    /**
     * What the ledger records of a job the batch system reports: a job that completed waits in
     * {@code RUNNING} for its harvest, and one removed outside the operator's own kill is
     * {@code KILLED} all the same. The one translation between the two vocabularies.
     */
    public static LedgerState recording(BatchState state) {
        return switch (state) {
            case QUEUED -> QUEUED;
            case RUNNING, COMPLETED -> RUNNING;
            case HELD -> HELD;
            case REMOVED -> KILLED;
        };
    }

    /** Every live state, for queries that ask the table for live rows. */
    public static Set<LedgerState> live() {
        return EnumSet.copyOf(LIVE);
    }

    /** Every submitted state: the rows the harvest looks at. */
    public static Set<LedgerState> submitted() {
        return EnumSet.copyOf(SUBMITTED);
    }
}
