package gov.bnl.sphenix.production.control.act;

import gov.bnl.sphenix.production.plan.SubmissionTrouble;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's memory of submissions that keep failing, per production: the executor records each
 * failure and success, the engine counts passes, and the observation hands the planner what is
 * remembered ({@link SubmissionTrouble}), so the planner decides when to try again. It lives as
 * long as the engine: a restart tries at once.
 */
public final class SubmissionFailures {

    private final Map<String, SubmissionTrouble> troubles = new HashMap<>();

    /** A pass over {@code productions} begins. */
    public synchronized void newPass(Collection<String> productions) {
        for (String production : productions) {
            troubles.computeIfPresent(production, (p, t) ->
                    new SubmissionTrouble(t.cause(), t.failures(), t.lastFailedAt(), t.passesSince() + 1));
        }
    }

    /**
     * A submission of {@code production} failed with {@code cause}. Returns whether this is news: the
     * first failure, or one with another cause than the last (which starts counting again). Several
     * submissions of one pass (one per memory request) failing alike count as one failure.
     */
    public synchronized boolean failed(String production, String cause, Instant at) {
        SubmissionTrouble last = troubles.get(production);
        boolean same = last != null && last.cause().equals(cause);
        int failures = !same ? 1 : last.passesSince() == 0 ? last.failures() : last.failures() + 1;
        troubles.put(production, new SubmissionTrouble(cause, failures, at, 0));
        return !same;
    }

    /** A submission of {@code production} reached the batch system: its trouble is over. */
    public synchronized void succeeded(String production) {
        troubles.remove(production);
    }

    public synchronized Optional<SubmissionTrouble> of(String production) {
        return Optional.ofNullable(troubles.get(production));
    }
}
