package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.batch.wrapper.JobWrapper;

/**
 * Whether a job that ended with one of the wrapper's infrastructure exit codes is submitted again
 * or failed. Those codes say the payload may well have been fine and the worker's surroundings
 * were not: the outputs could not be published (a full or unreachable file system, code
 * {@value JobWrapper#EXIT_OUTPUTS_FAILED}) or the input list could not be read (code
 * {@value JobWrapper#EXIT_INPUTS_UNREADABLE}). Such a job is worth another attempt, but only a
 * bounded number: a disk that stays full must not turn into an endless loop of submissions.
 * Every other non-zero code is the payload's own verdict and fails the job at once.
 *
 * <p>Pure: the attempt number comes from the ledger row (1 for the first submission).
 *
 * @param maxAttempts attempts a job gets in all, the first included; 1 means never again
 */
record InfrastructureRetry(int maxAttempts) {

    InfrastructureRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a job gets at least one attempt, not " + maxAttempts);
        }
    }

    /**
     * What to do with a job that ended with {@code exitCode} on its {@code attempt}-th attempt;
     * {@code detail} (what the wrapper said, or null) goes into the reason.
     */
    Verdict decide(int exitCode, String detail, int attempt) {
        String code = "exit code " + exitCode + (detail == null ? "" : ": " + detail);
        String what = cause(exitCode);
        if (what == null) {
            return new Verdict(false, code);
        }
        if (attempt < maxAttempts) {
            return new Verdict(true, what + " (" + code + "); attempt " + attempt + " of " + maxAttempts
                    + ", submitted again");
        }
        return new Verdict(false, what + " (" + code + ") on attempt " + attempt + ", the last of " + maxAttempts);
    }

    static boolean isInfrastructure(int exitCode) {
        return cause(exitCode) != null;
    }

    private static String cause(int exitCode) {
        return switch (exitCode) {
            case JobWrapper.EXIT_OUTPUTS_FAILED -> "its outputs could not be published on the worker";
            case JobWrapper.EXIT_INPUTS_UNREADABLE -> "its input list could not be read on the worker";
            default -> null;
        };
    }

    /** @param resubmit true: submit again; false: the job fails, for the reason given */
    record Verdict(boolean resubmit, String reason) {

        static Verdict fail(String reason) {
            return new Verdict(false, reason);
        }

        /** The same verdict, saying which batch job it is about. */
        Verdict on(String job) {
            return new Verdict(resubmit, reason + " (" + job + ")");
        }
    }
}
