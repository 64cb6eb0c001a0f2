package gov.bnl.sphenix.production.control;

/**
 * The named steps of the submission and harvest protocols at which a crash leaves something half
 * done. The engine calls {@link #reached} at each; production code passes {@link #NONE}, the crash
 * tests pass one that stops the engine right there, so that every window is shown to be repaired
 * by the next pass.
 */
@FunctionalInterface
public interface CrashPoint {

    enum Step {
        /** ledger rows are {@code submitting} under a batch token; nothing is queued yet */
        AFTER_LEDGER_INSERT,
        /** the batch system accepted the jobs; their ids are not recorded yet */
        AFTER_SUBMIT,
        /** half of a harvest batch's outputs are in their final directory, none catalogued */
        MID_HARVEST_BATCH,
        /** a harvest batch is catalogued; the ledger does not know yet */
        AFTER_HARVEST_REGISTERED
    }

    CrashPoint NONE = step -> { };

    void reached(Step step);
}
