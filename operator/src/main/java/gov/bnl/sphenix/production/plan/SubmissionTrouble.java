package gov.bnl.sphenix.production.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Submissions of one production that failed the same way pass after pass (the same cause text,
 * say {@code condor_submit} exiting 1 with "No such directory"), as the engine remembers them.
 * Part of the observation, so that backing off is the pure planner's decision: after {@code n}
 * failures in a row the production's submissions wait 2^(n-1) passes (1, 2, 4, …), and never
 * longer than {@link #MOST_APART} after the last failure. A submission that succeeds ends it.
 *
 * @param cause         what the batch system said, the same each time
 * @param failures      failures in a row with this cause, at least 1
 * @param lastFailedAt  when the last one failed
 * @param passesSince   passes over the production since the last failure
 */
public record SubmissionTrouble(String cause, int failures, Instant lastFailedAt, int passesSince) {

    /** The longest wait between two attempts, however many failed. */
    public static final Duration MOST_APART = Duration.ofMinutes(10);

    public SubmissionTrouble {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(lastFailedAt, "lastFailedAt");
        if (failures < 1 || passesSince < 0) {
            throw new IllegalArgumentException("trouble needs a failure and a pass count, got " + failures + " and "
                    + passesSince);
        }
    }

    /** Passes to skip after the last failure: 1, 2, 4, … */
    public long passesToWait() {
        return 1L << Math.min(failures - 1, 30);
    }

    /** Whether submissions still wait at {@code now}. */
    public boolean waits(Instant now) {
        return passesSince <= passesToWait() && now.isBefore(lastFailedAt.plus(MOST_APART));
    }

    /** How the status and the plan's notes say it. */
    public String describe() {
        return "submissions stalled: " + Words.count(failures, "submission") + " in a row failed the same way, the last"
                + " at " + lastFailedAt + ": " + cause;
    }
}
