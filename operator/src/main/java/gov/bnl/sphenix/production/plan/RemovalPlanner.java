package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.spec.JobKey;
import gov.bnl.sphenix.production.spec.RemovalPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stops productions that left the desired state, as their removal policy says: keep everything,
 * kill their jobs, or kill their jobs and — after the grace period, once no job of theirs is left
 * in the queue — delete their outputs. A file that an unfinished job of a live production still
 * reads is never deleted; it is reported as blocked, naming that production.
 */
final class RemovalPlanner {

    private final Instant now;
    private final QueueIndex queue;
    private final InputsInUse inputsInUse;
    private final int batchSize;
    private final PlanBuilder out;

    RemovalPlanner(Instant now, QueueIndex queue, InputsInUse inputsInUse, int batchSize, PlanBuilder out) {
        this.now = now;
        this.queue = queue;
        this.inputsInUse = inputsInUse;
        this.batchSize = batchSize;
        this.out = out;
    }

    /** Does this removal delete outputs this pass (its policy says so, and its grace period is over)? */
    static boolean deletesNow(RemovedProduction removed, Instant now) {
        return removed.lastSpec().onRemoval().action().deletesOutputs() && !now.isBefore(removed.deletableFrom());
    }

    /**
     * Plans one removed production.
     *
     * @return its jobs still idle or running after this plan (they count against the global budget)
     */
    long plan(RemovedProduction removed, Observation observed, Tallies tallies) {
        RemovalPolicy policy = removed.lastSpec().onRemoval();
        String why = "production " + removed.name() + " was removed from the specs at " + removed.removedAt()
                + "; its removal policy is " + policy.action().spelling();
        long live = 0;
        long stillQueued = 0;
        for (QueueJob job : queue.jobsOf(removed.name())) {
            tallies.countJob(job);
            if (!job.isLive()) {
                continue;
            }
            live++;
            if (policy.action().kills()) {
                out.add(new Action.Kill(job.key().orElseThrow(), job.id(), why));
            } else if (job.state().occupiesQueue()) {
                stillQueued++;
            }
        }
        if (!policy.action().deletesOutputs()) {
            return stillQueued;
        }
        if (now.isBefore(removed.deletableFrom())) {
            out.note("outputs of removed production " + removed.name() + " are deleted from " + removed.deletableFrom()
                    + ", when its grace period of " + Words.duration(policy.gracePeriod()) + " is over");
        } else if (live > 0) {
            out.note("outputs of removed production " + removed.name() + " are deleted once none of its jobs is left"
                    + " in the batch queue (" + live + " now)");
        } else {
            deleteOutputs(removed, observed, why);
        }
        return stillQueued;
    }

    private void deleteOutputs(RemovedProduction removed, Observation observed, String why) {
        String reason = why + ", and its grace period of " + Words.duration(removed.lastSpec().onRemoval().gracePeriod())
                + " is over";
        List<JobKey> batch = new ArrayList<>();
        try (Stream<ExistingOutput> outputs = observed.outputs(removed.name())) {
            outputs.forEachOrdered(output -> {
                Optional<Action.BlockedDeletion> blocked = inputsInUse.blocks(output.key(), output,
                        "removing production " + removed.name());
                if (blocked.isPresent()) {
                    out.add(blocked.get());
                    return;
                }
                batch.add(output.key());
                if (batch.size() == batchSize) {
                    out.add(new Action.DeleteOutputs(removed.name(), batch, reason));
                    batch.clear();
                }
            });
        }
        if (!batch.isEmpty()) {
            out.add(new Action.DeleteOutputs(removed.name(), batch, reason));
        }
    }
}
