package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import java.util.List;

/**
 * What the ledger and the batch system agree on for one key, after drift is repaired: the row to
 * plan with (an adopted job gets one), the one job that is that row's, and the repairs that make
 * the ledger true again. Absent parts are null.
 */
record Tracking(LedgerRow row, BatchJob job, Status status, List<Action> repairs, boolean strayJobsKilled) {

    enum Status {
        /** no ledger row and no job of ours */
        UNTRACKED,
        /** a {@code SUBMITTING} row whose job may still appear: wait */
        IN_FLIGHT,
        /** a {@code SUBMITTING} row that waited too long and is reset this pass */
        RESET,
        /** a row believed queued whose job is in neither the queue nor its history */
        LOST,
        /** a live row with its job, in the queue or in its history */
        TRACKED,
        /** a row that is no longer live: finished, killed or lost before */
        SETTLED
    }

    Tracking {
        repairs = List.copyOf(repairs);
    }

    boolean hasLiveJob() {
        return job != null && job.isLive();
    }
}
