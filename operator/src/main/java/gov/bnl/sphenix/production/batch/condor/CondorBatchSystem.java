package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.BatchSystemException;
import gov.bnl.sphenix.production.batch.Health;
import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.JobEdit;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.QueueReads;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.Submission.SubmittedJob;
import gov.bnl.sphenix.production.batch.Submission;
import gov.bnl.sphenix.production.batch.SubmitException;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.JobContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTCondor adapter, through the same command-line tools operators use by hand:
 * {@code condor_submit -terse}, {@code condor_q -json}, {@code condor_history -json},
 * {@code condor_qedit}, {@code condor_release}, {@code condor_hold}, {@code condor_rm}. Every call
 * has a time limit; a schedd that does not answer makes a query {@link QueueSnapshot.Unknown},
 * never an empty queue. Every call names the configured schedd, and every constraint the owner of
 * our jobs ({@link SubmitUser}): in a shared schedd another user's job that carries our attributes
 * is never read, changed or removed.
 */
public final class CondorBatchSystem implements BatchSystem {

    private static final Logger log = LoggerFactory.getLogger(CondorBatchSystem.class);

    private final CondorSettings settings;
    private final CondorCli cli;
    private final CondorCommands commands;
    private final SubmitUser owner;
    private final ForeignOwners foreignOwners = new ForeignOwners();
    private final JobDirectories directories;
    /** The schedd's name in the ids of its jobs: empty for the tools' default schedd. */
    private final String schedd;
    private volatile boolean wrapperInstalled;

    public CondorBatchSystem(CondorSettings settings, JobDirectories directories) {
        this.settings = settings;
        this.cli = new CondorCli(settings);
        this.commands = new CondorCommands(settings.scheddName(), settings.pool());
        this.owner = new SubmitUser(settings.submitUser(), cli, commands);
        this.directories = directories;
        this.schedd = settings.scheddLabel();
    }

    public CondorBatchSystem(CondorSettings settings) {
        this(settings, JobDirectories.withUmask());
    }

    /**
     * The description {@link #submit} sends for jobs of one cluster, given where {@link JobDirectories}
     * put their input lists; for people, tests and the benchmark.
     */
    public String submitDescription(List<JobSpec> jobs, Map<JobKey, InputSlice> inputs) {
        return SubmitDescription.render(jobs, inputs, settings.wrapper(), settings.policy());
    }

    @Override
    public Submission submit(List<JobSpec> jobs) {
        requireUniqueKeys(jobs);
        try {
            // jobs we could not find again afterwards would be submitted again and again
            owner.require();
        } catch (BatchSystemException e) {
            throw new SubmitException(e.getMessage(), false, List.of());
        }
        installWrapper(jobs);
        long start = System.nanoTime();
        Map<JobKey, InputSlice> inputs = directories.prepare(jobs);
        log.debug("prepared {} jobs' log directories and input bundle in {} ms", jobs.size(),
                (System.nanoTime() - start) / 1_000_000);
        Map<SubmitDescription.ClusterShape, List<JobSpec>> clusters = new LinkedHashMap<>();
        for (JobSpec job : jobs) {
            clusters.computeIfAbsent(SubmitDescription.ClusterShape.of(job), s -> new ArrayList<>()).add(job);
        }
        List<SubmittedJob> submitted = new ArrayList<>(jobs.size());
        for (Map.Entry<SubmitDescription.ClusterShape, List<JobSpec>> cluster : clusters.entrySet()) {
            submitted.addAll(submitCluster(cluster.getKey().production(), cluster.getValue(), inputs, submitted));
        }
        return new Submission(submitted);
    }

    /**
     * Puts the job wrapper where the workers find it, once per operator: jobs of the operator's
     * contract run it, and a job whose wrapper is missing would only fail on the worker.
     */
    private void installWrapper(List<JobSpec> jobs) {
        if (wrapperInstalled || jobs.stream().noneMatch(job -> job.contract() == JobContract.OPERATOR)) {
            return;
        }
        try {
            settings.wrapper().install();
        } catch (UncheckedIOException e) {
            throw new SubmitException(e.getMessage(), false, List.of());
        }
        wrapperInstalled = true;
    }

    private List<SubmittedJob> submitCluster(String production, List<JobSpec> jobs, Map<JobKey, InputSlice> inputs,
                                             List<SubmittedJob> before) {
        long start = System.nanoTime();
        String description = submitDescription(jobs, inputs);
        log.debug("{}: submit description of {} jobs ({} kB) in {} ms", production, jobs.size(), description.length() / 1024,
                (System.nanoTime() - start) / 1_000_000);
        CommandResult result = cli.run(commands.submit(), description);
        if (!result.succeeded()) {
            log.warn("{}: {}", production, result.describe());
        }
        if (result.timedOut()) {
            throw new SubmitException(production + ": " + result.describe() + "; the jobs may be queued: look up their tokens",
                    true, before);
        }
        if (!result.succeeded()) {
            // condor_submit commits a cluster as a whole: when it fails, none of its jobs is queued
            throw new SubmitException(production + ": " + result.describe(), false, before);
        }
        TerseIds ids;
        try {
            ids = TerseIds.parse(result.stdout());
        } catch (IllegalArgumentException e) {
            throw new SubmitException(production + ": " + e.getMessage(), true, before);
        }
        if (ids.count() != jobs.size()) {
            throw new SubmitException(production + ": submitted " + jobs.size() + " jobs but condor_submit made "
                    + ids.count(), true, before);
        }
        List<SubmittedJob> submitted = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            submitted.add(new SubmittedJob(jobs.get(i).key(), new BatchJobId(ids.cluster(), ids.firstProc() + i, schedd)));
        }
        log.info("{}: submitted {} jobs as cluster {} in {} ms", production, jobs.size(), ids.cluster(),
                result.elapsed().toMillis());
        return submitted;
    }

    private static void requireUniqueKeys(List<JobSpec> jobs) {
        Set<JobKey> seen = new HashSet<>();
        for (JobSpec job : jobs) {
            if (!seen.add(job.key())) {
                throw new IllegalArgumentException(job.key() + " is twice in one submission");
            }
        }
    }

    @Override
    public QueueSnapshot query(Selection selection) {
        return readHere(selection, commands::query);
    }

    @Override
    public QueueSnapshot history(Selection selection, int limit) {
        requireHistoryLimit(limit);
        return readHere(selection, (ours, here) -> commands.history(ours, here, limit));
    }

    @Override
    public QueueSnapshot history(Selection selection, Instant since, int limit) {
        requireHistoryLimit(limit);
        return readHere(selection, (ours, here) -> commands.history(ours, here, since, limit));
    }

    private static void requireHistoryLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a history limit is at least 1, got " + limit);
        }
    }

    /** Reads what of {@code selection} is on this schedd: nothing to ask when only other schedds' ids are named. */
    private QueueSnapshot readHere(Selection selection, BiFunction<String, Selection, CondorCommands.Command> command) {
        Optional<Selection> here = selection.onSchedd(schedd);
        if (here.isEmpty()) {
            return QueueSnapshot.of(List.of(), Instant.now());
        }
        try {
            String ours = owner.require();
            return read(ours, command.apply(ours, here.get()));
        } catch (BatchSystemException e) {
            return QueueSnapshot.unknown(e.getMessage());
        }
    }

    /** Every {@code condor_q} and {@code condor_history} this adapter ran, whatever for. */
    @Override
    public QueueReads reads() {
        return new QueueReads(cli.invocations("condor_q"), cli.invocations("condor_history"));
    }

    private QueueSnapshot read(String ourOwner, CondorCommands.Command command) {
        Instant asked = Instant.now();
        CommandResult result = cli.run(command);
        if (!result.succeeded()) {
            log.warn("queue unknown: {}", result.describe());
            return QueueSnapshot.unknown(result.describe());
        }
        try {
            JobAdParser.JobAds ads = JobAdParser.parse(result.stdout(), ourOwner);
            foreignOwners.report(command.tool(), ourOwner, ads.otherOwners());
            return QueueSnapshot.of(schedd.isEmpty() ? ads.jobs()
                    : ads.jobs().stream().map(job -> job.withId(job.id().on(schedd))).toList(), asked);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("{} printed what we cannot read: {}", command.tool(), e.getMessage());
            return QueueSnapshot.unknown(command.tool() + " printed unreadable JSON: " + e.getMessage());
        }
    }

    // an action never reaches a job of another schedd that happens to carry the same cluster and proc
    @Override
    public void release(Selection selection) {
        selection.onSchedd(schedd).ifPresent(here -> act(commands.release(owner.require(), here), here));
    }

    @Override
    public void hold(Selection selection, String reason) {
        selection.onSchedd(schedd).ifPresent(here -> act(commands.hold(owner.require(), here, reason), here));
    }

    @Override
    public void remove(Selection selection, String reason) {
        selection.onSchedd(schedd).ifPresent(here -> act(commands.remove(owner.require(), here, reason), here));
    }

    @Override
    public void edit(Selection selection, JobEdit edit) {
        selection.onSchedd(schedd).ifPresent(here -> act(commands.edit(owner.require(), here, edit), here));
    }

    /**
     * Runs an action. {@code condor_rm}, {@code condor_hold} and {@code condor_release} succeed when
     * nothing matches, {@code condor_qedit} fails; a failure is only an error when the selection does
     * match jobs (or the queue cannot be read).
     */
    private void act(CondorCommands.Command command, Selection selection) {
        CommandResult result = cli.run(command);
        if (!result.succeeded()) {
            // jobs already on their way out (removed, completed) cannot be acted on and do not count
            QueueSnapshot matching = result.timedOut() ? QueueSnapshot.unknown("timed out")
                    : query(selection.and(Selection.inState(BatchState.QUEUED, BatchState.RUNNING, BatchState.HELD)));
            if (!matching.isKnown() || !matching.jobs().isEmpty()) {
                log.warn("{} failed: {}", command.tool(), result.describe());
                throw new BatchSystemException(result.describe());
            }
        }
        log.info("{} on {} ({} ms)", command.tool(), Constraints.of(owner.require(), selection),
                result.elapsed().toMillis());
    }

    @Override
    public Health health() {
        CommandResult result = cli.run(commands.totals());
        String summary = result.stdout().lines().filter(l -> l.startsWith("Total for all users")).findFirst()
                .orElse("").strip();
        return result.succeeded() ? Health.up(summary.isEmpty() ? "the schedd answers" : summary, result.elapsed())
                : Health.down(result.describe(), result.elapsed());
    }

    @Override
    public void close() {
        // nothing held open: every call is its own process
    }
}
