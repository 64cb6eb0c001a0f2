package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.batch.wrapper.JobWrapper;
import java.util.Map;

/**
 * Whether a job that ended with one of the wrapper's infrastructure exit codes is submitted again
 * or failed. Those codes say the payload may well have been fine and the worker's surroundings
 * were not: the outputs could not be published (a full or unreachable file system, code
 * {@value JobWrapper#EXIT_OUTPUTS_FAILED}) or the input list could not be read (code
 * {@value JobWrapper#EXIT_INPUTS_UNREADABLE}). Such a job is worth another attempt, but only a
 * bounded number: a disk that stays full must not turn into an endless loop of submissions.
 * Every other non-zero code is the payload's own verdict and fails the job at once.
 *
 * <p>Jobs of sphenixprod's convention have no wrapper; their run scripts' own codes say the same
 * of the worker ({@link #SPHENIXPROD}): inputs that could not be checked (11) or staged in (20,
 * 21), outputs that could not be copied out (31). A missing output (30) is the payload's.
 *
 * <p>Pure: the attempt number comes from the ledger row (1 for the first submission).
 *
 * @param maxAttempts attempts a job gets in all, the first included; 1 means never again
 * @param causes      the infrastructure exit codes of the job's convention, each with what it says
 */
record InfrastructureRetry(int maxAttempts, Map<Integer, String> causes) {

    /** The job wrapper's codes. */
    static final Map<Integer, String> WRAPPER = Map.of(
            JobWrapper.EXIT_OUTPUTS_FAILED, "its outputs could not be published on the worker",
            JobWrapper.EXIT_INPUTS_UNREADABLE, "its input list could not be read on the worker");

    /** sphenixprod's worker codes (its README's "Job Exit Codes") that blame the worker's surroundings. */
    static final Map<Integer, String> SPHENIXPROD = Map.of(
            11, "its inputs could not be checked on the worker",
            20, "its inputs could not be staged in on the worker",
            21, "its inputs could not be staged in on the worker",
            31, "its outputs could not be staged out on the worker");

    InfrastructureRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a job gets at least one attempt, not " + maxAttempts);
        }
        causes = Map.copyOf(causes);
    }

    /** The retry of jobs run by the job wrapper. */
    InfrastructureRetry(int maxAttempts) {
        this(maxAttempts, WRAPPER);
    }

    /**
     * What to do with a job that ended with {@code exitCode} on its {@code attempt}-th attempt;
     * {@code detail} (what the wrapper said, or null) goes into the reason.
     */
    Verdict decide(int exitCode, String detail, int attempt) {
        String code = "exit code " + exitCode + (detail == null ? "" : ": " + detail);
        String what = causes.get(exitCode);
        if (what == null) {
            return new Verdict(false, code);
        }
        if (attempt < maxAttempts) {
            return new Verdict(true, what + " (" + code + "); attempt " + attempt + " of " + maxAttempts
                    + ", submitted again");
        }
        return new Verdict(false, what + " (" + code + ") on attempt " + attempt + ", the last of " + maxAttempts);
    }

    /** Whether {@code exitCode} is one of the job wrapper's infrastructure codes. */
    static boolean isInfrastructure(int exitCode) {
        return WRAPPER.containsKey(exitCode);
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
