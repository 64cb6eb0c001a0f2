package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;

/**
 * What the operator may delete: only what it can prove it made. The proof is the production's own
 * ledger row for the key, closed as succeeded — written by the harvest that registered the output.
 * A catalogued file of the same namespace without such a row belongs to another production sharing
 * the namespace over other runs, or predates the operator; neither a removal nor a rerun touches it.
 */
final class OwnedOutputs {

    private OwnedOutputs() {
    }

    /** Did the job behind this ledger row make the key's catalogued outputs? */
    static boolean madeBy(LedgerRow row) {
        return row != null && row.state() == LedgerState.SUCCEEDED;
    }

    /**
     * One report for all outputs a deleter must leave while a live job's inputs are unknown: it
     * might read any of them. Told once per deleter and pass, not once per output.
     */
    static Action.BlockedDeletion waitForUnrecorded(JobKey unrecorded, ExistingOutput first, long outputs,
                                                    String deleter) {
        String file = first.files().isEmpty() ? first.key().toString() : first.files().get(0);
        return new Action.BlockedDeletion(first.key(), file, unrecorded, deleter + " waits with "
                + Words.count(outputs, "output") + ": live job " + unrecorded + " of production "
                + unrecorded.production() + " has no recorded input list (adopted from the queue, or submitted"
                + " before inputs were recorded), so no file can be proven unused until it ends");
    }
}
