package gov.bnl.sphenix.production.plan;

/**
 * The operator's own record of a job key.
 *
 * <ul>
 *   <li>{@code SUBMITTING}: the row is written, the submission may or may not have reached the queue;</li>
 *   <li>{@code QUEUED}: submitted, believed idle, running or held, or finished and awaiting harvest;</li>
 *   <li>{@code SUCCEEDED}, {@code FAILED}: finished for good (a new rerun token is the way to retry);</li>
 *   <li>{@code KILLED}: removed by the operator (removal, rerun); may be submitted again;</li>
 *   <li>{@code LOST}: a submission that never reached the queue (a stale reset); may be submitted again.</li>
 * </ul>
 */
public enum LedgerState {
    SUBMITTING, QUEUED, SUCCEEDED, FAILED, KILLED, LOST;

    /** The ledger believes a job exists or is about to. */
    public boolean isLive() {
        return this == SUBMITTING || this == QUEUED;
    }

    /** Finished for good: never submitted again under the same rerun token. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
