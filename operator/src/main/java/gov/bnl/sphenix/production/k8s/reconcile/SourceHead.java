package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.control.SourceReport;

/**
 * How the head of a source's branch stands after a refresh, in one word: what the
 * {@code prodop_source_state} metric says, and what the chart's alerts watch. A head rejected or
 * blocked for long is a source stuck on an old revision: new productions and changes wait.
 */
public enum SourceHead {
    /** the head is valid and in force */
    APPLIED,
    /** the head has errors; the last valid revision stays in force */
    REJECTED,
    /** the head removes or kills more than the removal guard allows; it waits for a confirmation */
    BLOCKED,
    /** the repository could not be fetched; the revision in force keeps running */
    UNREACHABLE,
    /** the source is suspended: nothing is fetched */
    SUSPENDED;

    static SourceHead of(SourceReport report) {
        if (report.blocked().isPresent()) {
            return BLOCKED;
        }
        if (report.fetchError().isPresent()) {
            return UNREACHABLE;
        }
        return report.ready() ? APPLIED : REJECTED;
    }
}
