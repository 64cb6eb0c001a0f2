package gov.bnl.sphenix.production.control.events;

import java.util.Locale;

/**
 * What kind of thing an {@link EngineEvent} tells. One closed list, so that every kind the engine
 * emits has its Kubernetes Event reason and its word in the audit log ({@link #spelling()}, which
 * the audit log has always stored: {@code deletion-blocked}).
 */
public enum EventKind {
    // the specs repository
    APPLIED, REJECTED, FETCH_FAILED, DECLARED, CHANGED, REMOVED,
    /** A valid head removes more than the limits allow unconfirmed; the revision in force stays meanwhile. */
    BLOCKED,
    // actions on jobs
    SUBMITTED, RELEASED, KILLED, ADOPTED, RESET, FAILED, DELETED, DELETE_FAILED, DELETION_BLOCKED,
    /** One action failed; the other actions of the pass went on. */
    ACTION_FAILED,
    /** The pass could not act (the batch system or a catalog did not answer); the rest waits for the next pass. */
    STALLED,
    /** A production's submissions fail the same way pass after pass: told once, then backed off until one succeeds. */
    SUBMISSION_STALLED,
    // the harvest
    REGISTERED, RETRY, HARVEST_DEFERRED, HARVEST_CONFLICT, HARVEST_STALLED,
    /** A removed production is wound down and forgotten. */
    GONE;

    /** The kind as written in logs and the audit log: lower case, words joined by {@code -}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
