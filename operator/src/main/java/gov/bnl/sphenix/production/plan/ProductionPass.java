package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plans one live production: merges its streams key by key, repairs drift, applies the hold
 * policy, and sets aside the keys that may be submitted. Submissions themselves wait until every
 * production has been seen, because the global budget is shared among all of them.
 *
 * <p>The dedupe rule lives here: a key is never submitted while the ledger holds it live or
 * finished, or while its outputs exist — unless the production declares a rerun token for its run
 * that differs from the one the key was made under, in which case its live job is killed, its
 * outputs deleted and it is submitted anew (in that order, over two passes when a job must leave
 * the queue first).
 */
final class ProductionPass {

    /** A rerun that must delete outputs before its key can be submitted again. */
    private record Rerun(PendingJob job, ExistingOutput output) {
    }

    private final Production production;
    private final PlanBuilder out;
    private final InputsInUse inputsInUse;
    private final QueueIndex queue;
    private final DriftDetector drift;
    private final HoldPolicy holds;
    private final RunSelector selector;
    private final Tallies tallies;
    private final List<Rerun> reruns = new ArrayList<>();
    private long rerunsNotOwned;
    private long againstBudget;
    private SubmissionBudget.Claim claim;
    private Optional<SubmissionTrouble> trouble = Optional.empty();
    private final Instant now;

    ProductionPass(Production production, PlannerSettings settings, Instant now, QueueIndex queue,
                   InputsInUse inputsInUse, PlanBuilder out) {
        this.production = production;
        this.out = out;
        this.inputsInUse = inputsInUse;
        this.queue = queue;
        this.drift = new DriftDetector(queue, now, settings.staleSubmittingAfter());
        this.holds = new HoldPolicy(settings, now, production.limits().maxRunTimeOr(settings.maxRunTime()));
        this.selector = new RunSelector(production, settings);
        this.tallies = new Tallies(production.name(), false);
        this.now = now;
    }

    String name() {
        return production.name();
    }

    /** Walks every key of the production once; the streams are closed whatever happens. */
    void run(Observation observed) {
        String name = production.name();
        trouble = observed.submissionTrouble(name);
        try (Stream<Candidate> candidates = observed.candidates(name);
             Stream<LedgerRow> ledger = observed.ledger(name);
             Stream<ExistingOutput> outputs = observed.outputs(name)) {
            KeyMerge merge = new KeyMerge(name, candidates.iterator(), ledger.iterator(), outputs.iterator(),
                    queue.jobsOf(name));
            while (merge.hasNext()) {
                visit(merge.next());
            }
        }
        // finished rows of keys nothing else names are only counted, as visit would count them
        observed.finishedElsewhere(name).forEach((state, rows) -> {
            switch (state) {
                case SUCCEEDED -> tallies.count(Tally.SUCCEEDED, rows);
                case FAILED -> tallies.count(Tally.FAILED, rows);
                default -> throw new IllegalStateException("only finished rows are counted elsewhere, not " + state);
            }
        });
    }

    /**
     * What this production takes of the global budget: its jobs queued or running after this plan's
     * kills and releases, plus its submissions in flight and those of this plan.
     */
    long countedAgainstBudget() {
        return againstBudget;
    }

    ProductionSummary summary() {
        return tallies.summary();
    }

    private void visit(KeyView view) {
        JobSeen.of(view.row(), view.jobs()).ifPresent(out::seen);
        Tracking tracking = drift.track(view);
        tracking.repairs().forEach(out::add);
        JobKey key = view.key();
        boolean wanted = view.candidate() != null && selector.wants(key);
        String expected = production.rerunTokenFor(key.run());
        String madeUnder = tracking.row() != null ? tracking.row().rerunToken() : view.hasOutput() ? "" : null;
        // only a declared token asks for a rerun: deleting a finished rerun from the spec must not redo it
        boolean rerun = !expected.isEmpty() && madeUnder != null && !madeUnder.equals(expected);
        if ((wanted || tracking.hasLiveJob()) && (rerun || !done(view, tracking.row()))) {
            protectInputs(view);
        }
        if (rerun) {
            planRerun(view, tracking, wanted, "the rerun token of run " + key.run() + " changed from "
                    + quoted(madeUnder) + " to " + quoted(expected));
            return;
        }
        switch (tracking.status()) {
            case TRACKED -> planTracked(view, tracking);
            case IN_FLIGHT -> {
                tallies.count(Tally.SUBMITTING);
                againstBudget++;
            }
            case RESET -> resubmitUnlessDone(view, tracking, wanted, SubmitCause.STALE, Tally.LOST);
            case LOST -> resubmitUnlessDone(view, tracking, wanted, SubmitCause.LOST, Tally.LOST);
            case SETTLED -> planSettled(view, tracking, wanted);
            case UNTRACKED -> {
                if (view.hasOutput()) {
                    tallies.count(Tally.SUCCEEDED);
                } else if (wanted) {
                    tallies.count(Tally.READY);
                    offer(view, null, SubmitCause.NEW);
                }
            }
        }
    }

    private void planTracked(KeyView view, Tracking tracking) {
        BatchJob job = tracking.job();
        JobKey key = view.key();
        if (job.isLive()) {
            tallies.countJob(job);
            HoldPolicy.Verdict verdict = holds.judge(job, tracking.row(), production.memory());
            if (verdict instanceof HoldPolicy.Verdict.Release release) {
                out.add(new Action.Release(key, job.id(), release.memoryMib(), release.hold(), release.reason()));
                againstBudget++;
            } else if (verdict instanceof HoldPolicy.Verdict.Stop stop) {
                out.add(new Action.Kill(key, job.id(), stop.reason()));
                out.add(new Action.MarkFailed(key, stop.hold(), stop.reason()));
            } else {
                againstBudget += job.state().countsAgainstBudget() ? 1 : 0;
            }
            return;
        }
        if (job.state() == BatchState.REMOVED) {
            tallies.count(Tally.FAILED);
            out.add(new Action.MarkFailed(key, job.hold(), "job " + job.id()
                    + " was removed from the batch queue outside the operator (by hand or by a periodic_remove policy)"));
        } else if (job.exitCode().orElse(0) != 0) {
            tallies.count(Tally.FAILED);
            out.add(new Action.MarkFailed(key, job.hold(), "job " + job.id() + " exited with code " + job.exitCode().getAsInt()));
        } else {
            // finished well: the harvester registers its outputs and closes the ledger row
            tallies.count(Tally.COMPLETED);
        }
    }

    /** A row that is not live: finished stays finished; killed or lost may be submitted again. */
    private void planSettled(KeyView view, Tracking tracking, boolean wanted) {
        LedgerState state = tracking.row().state();
        switch (state) {
            case SUCCEEDED -> tallies.count(Tally.SUCCEEDED);
            case FAILED -> tallies.count(Tally.FAILED);
            case KILLED -> resubmitUnlessDone(view, tracking, wanted, SubmitCause.AGAIN, Tally.KILLED);
            case LOST -> resubmitUnlessDone(view, tracking, wanted, SubmitCause.STALE, Tally.LOST);
            default -> throw new IllegalStateException("a settled row is not live: " + state);
        }
    }

    private void resubmitUnlessDone(KeyView view, Tracking tracking, boolean wanted, SubmitCause cause, Tally tally) {
        if (view.hasOutput()) {
            // the outputs are there: the job ran, and its harvest has not been recorded yet
            tallies.count(Tally.COMPLETED);
            return;
        }
        tallies.count(tally);
        if (wanted && !tracking.strayJobsKilled()) {
            offer(view, tracking.row(), cause);
        }
    }

    private void planRerun(KeyView view, Tracking tracking, boolean wanted, String reason) {
        JobKey key = view.key();
        if (tracking.hasLiveJob()) {
            // its results are unwanted; it is submitted anew once it has left the queue
            tallies.countJob(tracking.job());
            out.add(new Action.Kill(key, tracking.job().id(), reason));
            return;
        }
        if (tracking.status() == Tracking.Status.IN_FLIGHT) {
            tallies.count(Tally.SUBMITTING);
            againstBudget++;
            return;
        }
        if (!wanted || tracking.strayJobsKilled()) {
            // not ready (or a stray job just killed): nothing is deleted until it can be remade
            tallies.count(view.hasOutput() ? Tally.SUCCEEDED : Tally.READY);
            return;
        }
        if (view.hasOutput() && !OwnedOutputs.madeBy(tracking.row())) {
            // outputs it cannot prove it made are never deleted, so the key cannot be made again
            tallies.count(Tally.SUCCEEDED);
            rerunsNotOwned++;
            return;
        }
        tallies.count(Tally.READY);
        PendingJob job = pending(view, tracking.row(), SubmitCause.RERUN);
        if (view.hasOutput()) {
            reruns.add(new Rerun(job, view.output()));
        } else {
            selector.offer(job);
        }
    }

    /**
     * Once the inputs of every live production are known: delete the outputs of rerun keys that
     * no unfinished job reads, and only then let those keys be submitted.
     */
    void resolveReruns(InputsInUse inUse, int batchSize) {
        if (rerunsNotOwned > 0) {
            out.note("rerun of " + Words.count(rerunsNotOwned, "job") + " of " + production.name() + " left alone: their"
                    + " outputs are not shown as its own by its ledger (another production's, or older), and are never deleted");
        }
        if (inUse.unrecordedJob().isPresent() && !reruns.isEmpty()) {
            out.add(OwnedOutputs.waitForUnrecorded(inUse.unrecordedJob().get(), reruns.get(0).output(), reruns.size(),
                    "the rerun of " + production.name()));
            return;
        }
        List<JobKey> deletable = new ArrayList<>();
        for (Rerun rerun : reruns) {
            JobKey key = rerun.job().key();
            Optional<Action.BlockedDeletion> blocked = inUse.blocks(key, rerun.output(), "its rerun");
            if (blocked.isPresent()) {
                out.add(blocked.get());
                continue;
            }
            deletable.add(key);
            selector.offer(rerun.job());
        }
        for (int from = 0; from < deletable.size(); from += batchSize) {
            List<JobKey> batch = deletable.subList(from, Math.min(deletable.size(), from + batchSize));
            out.add(new Action.DeleteOutputs(production.name(), batch, "their rerun token changed ("
                    + Words.runSpan(batch) + "): the old outputs go before the jobs run again"));
        }
    }

    /** What this production asks of the global budget. */
    SubmissionBudget.Claim claim() {
        if (claim == null) {
            boolean backingOff = trouble.map(t -> t.waits(now)).orElse(false);
            if (backingOff) {
                SubmissionTrouble t = trouble.get();
                long passesLeft = t.passesToWait() - t.passesSince() + 1;
                out.note(production.name() + ": " + t.describe() + "; the next attempt after " + passesLeft
                        + (passesLeft == 1 ? " more pass" : " more passes") + " or at "
                        + t.lastFailedAt().plus(SubmissionTrouble.MOST_APART) + ", whichever comes first");
            }
            int room = production.submit() && !backingOff
                    ? (int) Math.min(production.limits().maxSubmitPerCycle(),
                    Math.max(0, production.limits().maxQueued() - againstBudget))
                    : 0;
            claim = new SubmissionBudget.Claim(production.name(), production.priority(), room, selector.pending());
        }
        return claim;
    }

    /** Submits the {@code granted} best keys, one action per memory request. */
    void submit(int granted) {
        if (granted <= 0) {
            return;
        }
        RunSelector.Selection selection = selector.select(granted);
        Map<Integer, List<PendingJob>> byMemory = new TreeMap<>();
        for (PendingJob job : selection.all()) {
            byMemory.computeIfAbsent(job.memoryMib(), m -> new ArrayList<>()).add(job);
        }
        SubmitReason reason = new SubmitReason(production, selection, claim(), granted, againstBudget);
        byMemory.forEach((memory, jobs) -> out.add(new Action.Submit(production.name(), memory, production.priority(),
                production.specHash(), jobs.stream().map(PendingJob::submission).toList(), reason.of(jobs))));
        againstBudget += selection.all().size();
    }

    private void offer(KeyView view, LedgerRow row, SubmitCause cause) {
        selector.offer(pending(view, row, cause));
    }

    /**
     * Memory: a new key starts at the first rung (resource changes apply to new submissions); a
     * lost or reset job resumes at the rung it had climbed to.
     */
    private PendingJob pending(KeyView view, LedgerRow row, SubmitCause cause) {
        int memory = production.memory().firstMib();
        if (row != null && (cause == SubmitCause.LOST || cause == SubmitCause.STALE)) {
            memory = Math.max(memory, row.memoryMib());
        }
        int attempt = row == null ? 1 : row.attempt() + 1;
        JobKey key = view.key();
        return new PendingJob(key, attempt, production.rerunTokenFor(key.run()), view.candidate().inputs(), cause, memory);
    }

    /**
     * A job that is not done — pending, queued, in flight, or about to be redone — still needs its
     * inputs, and no deletion of this pass may take them. Erring on the side of "not done" only
     * delays a deletion by a pass.
     */
    private void protectInputs(KeyView view) {
        if (view.candidate() != null) {
            inputsInUse.record(view.candidate());
        }
    }

    private static boolean done(KeyView view, LedgerRow row) {
        return view.hasOutput() || (row != null && row.state().isFinished());
    }

    private static String quoted(String token) {
        return token.isEmpty() ? "(none)" : "'" + token + "'";
    }
}
