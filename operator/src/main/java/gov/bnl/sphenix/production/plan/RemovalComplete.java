package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import java.time.Instant;
import java.util.Objects;

/**
 * A removed production with nothing left to do: none of its jobs is in the queue, the plan has no
 * action for it, and, with a policy that deletes outputs, its grace period is over (so its
 * deletions are done). The engine marks it removed and forgets its status.
 *
 * @param production     its name
 * @param outputsDeleted whether its policy deleted its outputs (else they were kept)
 * @param policy         its removal policy, as the spec spells it
 */
public record RemovalComplete(String production, boolean outputsDeleted, String policy) {

    public RemovalComplete {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(policy, "policy");
    }

    /** Decided at the end of a plan: {@code acts} tells whether the plan has an action for the production. */
    static boolean due(RemovedProduction removed, QueueIndex queue, Instant now, boolean acts) {
        boolean jobsLeft = queue.jobsOf(removed.name()).stream().anyMatch(BatchJob::isLive);
        boolean waitsForDeletion = removed.lastSpec().onRemoval().action().deletesOutputs()
                && now.isBefore(removed.deletableFrom());
        return !jobsLeft && !acts && !waitsForDeletion;
    }

    static RemovalComplete of(RemovedProduction removed) {
        return new RemovalComplete(removed.name(), removed.lastSpec().onRemoval().action().deletesOutputs(),
                removed.lastSpec().onRemoval().action().spelling());
    }

    /** The event's words. */
    public String describe() {
        return "removal complete: no job left in the queue, outputs " + (outputsDeleted ? "deleted" : "kept")
                + " as policy " + policy + " says";
    }
}
