package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.RemovalPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stops productions that left the desired state, as their removal policy says: keep everything,
 * kill their jobs, or kill their jobs and — after the grace period, once no job of theirs is left
 * in the queue — delete their outputs. Only outputs the production provably made are deleted (see
 * {@link OwnedOutputs}); a file that an unfinished job still reads is never deleted; it is reported
 * as blocked, naming that job.
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
     * @return its jobs still queued or running after this plan (they count against the global budget)
     */
    long plan(RemovedProduction removed, Observation observed, Tallies tallies) {
        RemovalPolicy policy = removed.lastSpec().onRemoval();
        String why = "production " + removed.name() + " was removed from the specs at " + removed.removedAt()
                + "; its removal policy is " + policy.action().spelling();
        long live = 0;
        long againstBudget = 0;
        for (BatchJob job : queue.jobsOf(removed.name())) {
            tallies.countJob(job);
            if (!job.isLive()) {
                continue;
            }
            live++;
            if (policy.action().kills()) {
                out.add(new Action.Kill(job.key().orElseThrow(), job.id(), why));
            } else if (job.state().countsAgainstBudget()) {
                againstBudget++;
            }
        }
        if (!policy.action().deletesOutputs()) {
            if (!policy.action().kills()) {
                recordSightings(removed, observed);
            }
            return againstBudget;
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
        return againstBudget;
    }

    /** Jobs a removal keeps stay in the queue, and the ledger goes on recording what the queue says of them. */
    private void recordSightings(RemovedProduction removed, Observation observed) {
        List<BatchJob> jobs = queue.jobsOf(removed.name());
        try (Stream<LedgerRow> ledger = observed.ledger(removed.name())) {
            ledger.forEach(row -> JobSeen.of(row, jobs).ifPresent(out::seen));
        }
    }

    /**
     * Deletes only what the removed production provably made: outputs of keys its own ledger shows
     * harvested. Another production sharing the namespace over other runs, and files that predate
     * the operator, have no such row and are left alone.
     */
    private void deleteOutputs(RemovedProduction removed, Observation observed, String why) {
        String reason = why + ", and its grace period of " + Words.duration(removed.lastSpec().onRemoval().gracePeriod())
                + " is over";
        String deleter = "removing production " + removed.name();
        Optional<JobKey> unrecorded = inputsInUse.unrecordedJob();
        ExistingOutput firstOwned = null;
        long owned = 0;
        long notOwned = 0;
        List<JobKey> batch = new ArrayList<>();
        try (Stream<LedgerRow> ledger = observed.ledger(removed.name());
             Stream<ExistingOutput> outputs = observed.outputs(removed.name())) {
            KeyMerge merge = new KeyMerge(removed.name(), Collections.emptyIterator(), ledger.iterator(),
                    outputs.iterator(), List.of());
            while (merge.hasNext()) {
                KeyView view = merge.next();
                if (!view.hasOutput()) {
                    continue;
                }
                if (!OwnedOutputs.madeBy(view.row())) {
                    notOwned++;
                    continue;
                }
                owned++;
                if (firstOwned == null) {
                    firstOwned = view.output();
                }
                if (unrecorded.isPresent()) {
                    continue;
                }
                Optional<Action.BlockedDeletion> blocked = inputsInUse.blocks(view.key(), view.output(), deleter);
                if (blocked.isPresent()) {
                    out.add(blocked.get());
                    continue;
                }
                batch.add(view.key());
                if (batch.size() == batchSize) {
                    out.add(new Action.DeleteOutputs(removed.name(), batch, reason));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            out.add(new Action.DeleteOutputs(removed.name(), batch, reason));
        }
        if (unrecorded.isPresent() && firstOwned != null) {
            out.add(OwnedOutputs.waitForUnrecorded(unrecorded.get(), firstOwned, owned, deleter));
        }
        if (notOwned > 0) {
            out.note("left alone: " + Words.count(notOwned, "output") + " in the namespace of removed production "
                    + removed.name() + " that its ledger does not show it made (another production's, or older)");
        }
    }
}
