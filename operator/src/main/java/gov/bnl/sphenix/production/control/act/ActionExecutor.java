package gov.bnl.sphenix.production.control.act;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.BatchSystemException;
import gov.bnl.sphenix.production.batch.JobEdit;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.SubmitException;
import gov.bnl.sphenix.production.catalog.deletion.DeletionReport;
import gov.bnl.sphenix.production.catalog.deletion.OutputDeletion;
import gov.bnl.sphenix.production.catalog.ledger.JobMoves;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.AdoptedJob;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.SubmittedRow;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.catalog.ledger.LedgerUpkeep;
import gov.bnl.sphenix.production.control.CatalogPorts;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.DesiredAtRevision;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.control.events.JobLogs;
import gov.bnl.sphenix.production.control.observe.CatalogObservation;
import gov.bnl.sphenix.production.control.payload.CommitPayloads;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.Action;
import gov.bnl.sphenix.production.plan.Plan;
import gov.bnl.sphenix.production.plan.SubmissionTrouble;
import gov.bnl.sphenix.production.plan.Words;
import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out a plan, action by action in plan order, and tells what it did as events in the
 * production team's words. Kills of one production for one reason go to the batch system in one
 * call. The ledger moves are guarded by the state the planner saw, so acting on a plan a little
 * out of date does nothing rather than harm.
 */
public final class ActionExecutor {

    private static final int FAILURES_TOLD_ONE_BY_ONE = 20;

    private final BatchSystem batch;
    private final JobMoves moves;
    private final LedgerUpkeep upkeep;
    private final OutputDeletion deletion;
    private final Submitter submitter;
    private final SubmissionFailures submissionFailures;
    private final CommitPayloads payloads;
    private final Function<Revision, SpecTree> trees;
    private final EngineSettings settings;
    private final Clock clock;

    /**
     * An executor on the catalog ports the engine was handed (the ledger's moves, upkeep and
     * submission steps, deletion, input locations).
     *
     * @param payloads where jobs in sphenixprod's convention find the payload of the commit in force
     * @param trees    the files of a commit, for shelving its payloads
     */
    public ActionExecutor(BatchSystem batch, CatalogPorts catalogs, SubmissionFailures submissionFailures,
                          CommitPayloads payloads, Function<Revision, SpecTree> trees, EngineSettings settings,
                          Clock clock, CrashPoint crash) {
        this.batch = batch;
        this.payloads = payloads;
        this.trees = trees;
        this.settings = settings;
        this.clock = clock;
        this.submissionFailures = submissionFailures;
        this.moves = catalogs.moves();
        this.upkeep = catalogs.upkeep();
        this.deletion = catalogs.deletion();
        this.submitter = new Submitter(batch, catalogs.submissions(), moves,
                new JobSpecs(settings.stagingLayout(), settings.payloadDirectory(), settings.jobEnvironment())
                        .withMaxRunTime(settings.planner().maxRunTime()),
                new InputPaths(catalogs.rawLocations(), catalogs.fileLocations()), crash);
    }

    /** One pass's work on one plan. */
    private final class Run {
        final DesiredAtRevision desired;
        final List<Production> declared;
        final HeldBack heldBack;
        final CatalogObservation observed;
        final EventLog events;
        final Map<String, ExecutionReport.Counts> counts = new HashMap<>();
        final Map<String, Integer> failuresTold = new HashMap<>();
        final List<String> errors = new ArrayList<>();

        Run(DesiredAtRevision desired, List<Production> declared, HeldBack heldBack, CatalogObservation observed,
            EventLog events) {
            this.desired = desired;
            this.declared = declared;
            this.heldBack = heldBack;
            this.observed = observed;
            this.events = events;
        }

        void count(String production, ExecutionReport.Counts more) {
            counts.merge(production, more, ExecutionReport.Counts::plus);
        }

        Production spec(String production) {
            return desired.spec(production).orElseThrow(() -> new IllegalStateException(
                    "the plan names production " + production + ", which the desired state does not know"));
        }

        /** How the events of a removed production say why: the commit that removed it. */
        String removal(String production) {
            return "production removed in " + Revision.shortId(desired.removedIn().getOrDefault(production, ""));
        }

        Optional<LedgerJob> row(JobKey key) {
            return Optional.ofNullable(observed.rows(key.production()).get(key));
        }
    }

    /**
     * @param desired  the desired state the plan was made for (perhaps narrowed to one production)
     * @param declared every production the revision in force declares: its payloads are shelved together
     * @param heldBack keys not to submit this pass whatever the plan says (see {@link HeldBack})
     */
    public ExecutionReport execute(Plan plan, DesiredAtRevision desired, List<Production> declared,
                                   CatalogObservation observed, HeldBack heldBack, EventLog events) {
        Run run = new Run(desired, declared, heldBack, observed, events);
        List<Action> actions = plan.actions();
        int i = 0;
        try {
            while (i < actions.size()) {
                Action action = actions.get(i);
                if (action instanceof Action.Kill) {
                    i = killRun(run, actions, i);
                    continue;
                }
                try {
                    carryOut(run, action);
                } catch (RuntimeException e) {
                    // a defect or a value nobody foresaw in one action must not stop the others
                    run.errors.add("could not " + action.describe() + ": " + e);
                    events.warning(action.production(), EventKind.ACTION_FAILED, "could not " + action.describe() + ": " + e
                            + "; the other actions of this pass go on");
                }
                i++;
            }
        } catch (BatchSystemException | SQLException e) {
            String what = i < actions.size() ? actions.get(i).describe() : "the plan";
            run.errors.add("stopped at \"" + what + "\": " + e.getMessage());
            events.warning(actions.get(Math.min(i, actions.size() - 1)).production(), EventKind.STALLED,
                    "could not " + what + ": " + e.getMessage() + "; the rest of this pass's plan waits for the next pass");
            return new ExecutionReport(run.counts, run.errors);
        }
        return new ExecutionReport(run.counts, run.errors);
    }

    private void carryOut(Run run, Action action) throws SQLException {
        if (action instanceof Action.Submit submit) {
            submit(run, submit);
        } else if (action instanceof Action.Release release) {
            release(run, release);
        } else if (action instanceof Action.MarkFailed failed) {
            markFailed(run, failed);
        } else if (action instanceof Action.Adopt adopt) {
            adopt(run, adopt);
        } else if (action instanceof Action.ResetStale reset) {
            reset(run, reset);
        } else if (action instanceof Action.DeleteOutputs delete) {
            deleteOutputs(run, delete);
        } else if (action instanceof Action.BlockedDeletion blocked) {
            run.events.warning(blocked.production(), EventKind.DELETION_BLOCKED, blocked.describe());
        } else {
            throw new IllegalStateException("no way to carry out " + action);
        }
    }

    private void submit(Run run, Action.Submit planned) throws SQLException {
        Action.Submit action = withoutHeldBack(run, planned);
        if (action.jobs().isEmpty()) {
            return;
        }
        Production spec = run.spec(action.production());
        boolean raw = run.desired.catalogue().product(spec.dsttype()).map(p -> p.isRaw()).orElse(false);
        String commitId = run.desired.revision().commitId();
        Optional<SphenixprodPayload> sphenixprod = Optional.empty();
        if (spec.rule().job().contract() == JobContract.SPHENIXPROD) {
            CommitPayloads.Found found = payloads.of(spec, commitId, run.declared,
                    () -> trees.apply(run.desired.revision()));
            if (found instanceof CommitPayloads.Found.Unavailable unavailable) {
                stalled(run, action.production(), new SubmitException(unavailable.reason(), false, List.of()));
                return;
            }
            CommitPayloads.Found.Shelved shelved = (CommitPayloads.Found.Shelved) found;
            sphenixprod = Optional.of(SphenixprodPayload.of(spec, run.desired.catalogue(), shelved.files(),
                    shelved.helpers(), settings.neventsCap()));
        }
        Submitter.Outcome outcome;
        try {
            outcome = submitter.submit(action, spec, raw, commitId, sphenixprod);
        } catch (SubmitException e) {
            stalled(run, action.production(), e);
            return;
        }
        for (Submitter.Refusal refusal : outcome.refused()) {
            run.count(action.production(), new ExecutionReport.Counts(0, 0, 0, 1, 0, 0));
            tellFailure(run, refusal.key(), "job " + refusal.key().jobName() + " failed before submission: "
                    + refusal.reason() + " (a new rerun token brings it back once the cause is fixed)");
        }
        List<JobKey> submitted = outcome.submitted();
        if (submitted.isEmpty()) {
            return;
        }
        submissionFailures.succeeded(action.production());
        run.count(action.production(), new ExecutionReport.Counts(submitted.size(), 0, 0, 0, 0, 0));
        run.events.info(action.production(), submitted, EventKind.SUBMITTED, "submitted "
                + Words.count(submitted.size(), "job") + " for "
                + Words.runSpan(submitted) + " at " + Words.memory(action.memoryMib())
                + (submitted.size() < action.jobs().size()
                ? " (" + (action.jobs().size() - submitted.size()) + " already live in the ledger were left alone)" : ""));
    }

    /** The planned submission less the keys held back this pass, which are told. */
    private static Action.Submit withoutHeldBack(Run run, Action.Submit planned) {
        List<Action.JobSubmission> jobs = planned.jobs().stream().filter(j -> !run.heldBack.holds(j.key())).toList();
        if (jobs.size() == planned.jobs().size()) {
            return planned;
        }
        List<JobKey> held = planned.keys().stream().filter(run.heldBack::holds).toList();
        run.events.warning(planned.production(), EventKind.HARVEST_DEFERRED, "not submitting "
                + Words.count(held.size(), "job") + " again yet (" + Words.runSpan(held) + "): the files an earlier attempt"
                + " staged are not set aside, and a new attempt under the same id would be credited with them;"
                + " tried again next pass");
        return new Action.Submit(planned.production(), planned.memoryMib(), planned.priority(), planned.specHash(), jobs,
                planned.reason());
    }

    /**
     * A submission the batch system refused. Told once, when it starts failing this way (or another
     * way than before); failing the same way again is remembered, not told again: the planner backs
     * off from it and the production's status says it is stalled, with the cause.
     */
    private void stalled(Run run, String production, SubmitException e) {
        if (submissionFailures.failed(production, String.valueOf(e.getMessage()), clock.instant())) {
            run.errors.add("submissions of " + production + " stalled: " + e.getMessage());
            run.events.warning(production, EventKind.SUBMISSION_STALLED, "submissions stalled: " + e.getMessage()
                    + "; tried again after 1, 2, 4, … passes, at most "
                    + Words.duration(SubmissionTrouble.MOST_APART)
                    + " apart, until one succeeds");
        }
    }

    private void release(Run run, Action.Release action) throws SQLException {
        Selection job = Selection.id(action.job());
        batch.edit(job, JobEdit.requestMemory(action.newMemoryMib()));
        batch.release(job);
        Optional<LedgerJob> row = run.row(action.key());
        if (row.isPresent()) {
            moves.released(SubmittedRow.of(row.get().id(), action.job()),
                    ledgerHold(action.hold(), row.get().requestMib()), action.newMemoryMib());
        }
        run.count(action.production(), new ExecutionReport.Counts(0, 1, 0, 0, 0, 0));
        run.events.info(action.key(), EventKind.RELEASED, "job " + action.key().jobName() + " held: "
                + action.hold().reason() + "; released with " + Words.memory(action.newMemoryMib()));
    }

    /** Consecutive kills of one production for one reason: one call to the batch system, one event. */
    private int killRun(Run run, List<Action> actions, int from) throws SQLException {
        Action.Kill first = (Action.Kill) actions.get(from);
        List<Action.Kill> kills = new ArrayList<>();
        int i = from;
        while (i < actions.size() && actions.get(i) instanceof Action.Kill k
                && k.production().equals(first.production()) && k.reason().equals(first.reason())) {
            kills.add(k);
            i++;
        }
        batch.remove(Selection.ids(kills.stream().map(Action.Kill::job).toList()), first.reason());
        List<SubmittedRow> own = new ArrayList<>();
        for (Action.Kill kill : kills) {
            run.row(kill.key()).ifPresent(row -> own.add(SubmittedRow.of(row.id(), kill.job())));
        }
        moves.killed(own);
        run.count(first.production(), new ExecutionReport.Counts(0, 0, kills.size(), 0, 0, 0));
        String why = run.desired.isRemoved(first.production()) ? run.removal(first.production()) : first.reason();
        run.events.info(first.production(), EventKind.KILLED, "killed " + Words.count(kills.size(), "job") + ": " + why);
        return i;
    }

    private void markFailed(Run run, Action.MarkFailed action) throws SQLException {
        Optional<LedgerJob> row = run.row(action.key());
        if (row.isPresent()) {
            moves.failed(row.get().id(), action.hold().map(h -> ledgerHold(h, row.get().requestMib())));
        }
        run.count(action.production(), new ExecutionReport.Counts(0, 0, 0, 1, 0, 0));
        String message = "job " + action.key().jobName() + " failed: " + action.reason();
        Optional<JobLogs> logs = run.desired.spec(action.production()).map(spec -> logs(spec, action.key()));
        if (!tellsFailure(run, action.production())) {
            return;
        }
        if (logs.isPresent()) {
            run.events.failed(action.key(), message, logs.get());
        } else {
            run.events.warning(action.key(), EventKind.FAILED, message);
        }
    }

    /** Where the job that makes {@code key} wrote its logs (the layout its submission used). */
    private JobLogs logs(Production spec, JobKey key) {
        return JobLogs.of(settings.jobFiles(spec, LedgerKey.of(spec, key).output()));
    }

    /** Failures are told one by one up to a bound per production and pass, so a bad day stays readable. */
    private static void tellFailure(Run run, JobKey job, String message) {
        if (tellsFailure(run, job.production())) {
            run.events.warning(job, EventKind.FAILED, message);
        }
    }

    private static boolean tellsFailure(Run run, String production) {
        return run.failuresTold.merge(production, 1, Integer::sum) <= FAILURES_TOLD_ONE_BY_ONE;
    }

    private void adopt(Run run, Action.Adopt action) throws SQLException {
        BatchJob job = action.job();
        Production spec = run.spec(action.production());
        JobKey key = action.key();
        moves.adopt(new AdoptedJob(LedgerKey.of(spec, key), action.recordedAs(), Math.max(1, job.requestMemoryMib()), job.id().cluster(),
                job.id().proc(), job.batchToken(), run.desired.revision().commitId(), job.rerunToken(),
                job.queuedAt().orElse(clock.instant()), job.id().schedd()));
        run.count(action.production(), new ExecutionReport.Counts(0, 0, 0, 0, 1, 0));
        run.events.info(key, EventKind.ADOPTED, "adopted job " + job.id() + " as " + key.jobName() + ": "
                + action.reason());
    }

    private void reset(Run run, Action.ResetStale action) throws SQLException {
        Optional<LedgerJob> row = run.row(action.row().key());
        if (row.isPresent()) {
            moves.resetStale(row.get().id(), action.row().batchToken());
        }
        run.events.warning(action.row().key(), EventKind.RESET, "job " + action.row().key().jobName() + " "
                + action.reason() + "; it goes again");
    }

    private void deleteOutputs(Run run, Action.DeleteOutputs action) throws SQLException {
        Production spec = run.spec(action.production());
        List<LedgerKey> keys = action.keys().stream().map(k -> LedgerKey.of(spec, k)).toList();
        DeletionReport report = deletion.delete(keys, item -> { });
        if (run.desired.isRemoved(action.production())) {
            // a production re-added later starts afresh: finished rows without outputs would hide its work
            List<Long> ids = new ArrayList<>();
            action.keys().forEach(k -> run.row(k).filter(r -> !r.state().isLive()).ifPresent(r -> ids.add(r.id())));
            upkeep.forget(action.production(), ids);
        }
        run.count(action.production(), new ExecutionReport.Counts(0, 0, 0, 0, 0, report.outputs()));
        String why = run.desired.isRemoved(action.production())
                ? run.removal(action.production()) + ", removal policy " + spec.onRemoval().action().spelling()
                : action.reason();
        run.events.info(action.production(), EventKind.DELETED, "deleted " + Words.count(report.outputs(), "output") + " of "
                + Words.runSpan(action.keys()) + ": " + why);
        report.failures().forEach(f -> run.events.warning(action.production(), EventKind.DELETE_FAILED,
                "could not delete " + f.copy().path() + ": " + f.reason()));
    }

    private HoldRecord ledgerHold(Hold hold, int requestMib) {
        return new HoldRecord(clock.instant(), hold, requestMib);
    }
}
