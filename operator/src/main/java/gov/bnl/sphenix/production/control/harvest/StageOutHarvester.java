package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.catalog.ledger.JobMoves;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.LedgerView;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.catalog.registration.OutputRegistry;
import gov.bnl.sphenix.production.catalog.registration.RegistrationConflict;
import gov.bnl.sphenix.production.catalog.registration.RegistrationResult;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.control.observe.LedgerRows;
import gov.bnl.sphenix.production.control.observe.QueueJobs;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.Words;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Harvests finished jobs of sphenixprod's convention, which leave no manifest: their outputs are
 * staged into the job's output directory (DSTs) and histogram directory (HIST, CALIB) under
 * {@code <lfn>:nevents:N:first:F:last:L:md5:M:size:S:ctime:T:dbid:D}, written under a hidden name
 * and renamed into place, so a final name is always a whole file.
 *
 * <p>A job whose batch job completed with exit code 0 is harvested: its files are found and proven
 * its own ({@link JobStaging}: its dbid, names its key can write, size and md5 recomputed from the
 * file), all of them registered (DST segments and histogram files, with events, first and last
 * event, md5 and size), then each renamed to its plain lfn in the final tree, and only then is its
 * ledger row closed. Each step can be repeated: registration of a file catalogued with the same
 * checksum is a no-op, a file already renamed is no longer staged, and a staged file whose
 * identical copy is already in place is dropped — so a crash between registration and renaming,
 * or between two files, converges on the next pass without duplicates.
 *
 * <p>A job that completed with any other code, or whose files are refused, registers nothing: its
 * staged files are set aside for inspection and reported, and the job is submitted again (sphenixprod's infrastructure codes,
 * a bounded number of times) or failed. A job held until it failed is the planner's (it is never
 * completed here). A job still in the queue is never looked at, so a file it is still writing is
 * never taken.
 *
 * <p>A key submitted again keeps its ledger row, so its next attempt stages under the same dbid.
 * Whatever an attempt that ended without being harvested staged is therefore set aside as
 * {@code <name>.failed-attempt-<n>} before the next attempt exists: a job the batch system shows
 * removed, and every row the next plan may submit again (killed by the operator — a revert, a
 * rerun, a kill — lost, or failed under an old rerun token). The engine harvests before it plans,
 * so this happens in the pass before the resubmission.
 */
public final class StageOutHarvester implements AutoCloseable {

    /** Rows harvested (submitted) and rows that ended unharvested, whose staged files are set aside. */
    private static final Set<LedgerState> LOOKED_AT = lookedAt();

    private final EngineSettings settings;
    private final LedgerView ledger;
    private final OutputRegistry registrar;
    private final JobMoves transitions;
    private final JobClosing closing;
    private final InfrastructureRetry retry;
    private final CrashPoint crash;
    /**
     * The pipeline's two threads, kept for the harvester's life rather than started per production
     * and pass: the common pool has one thread on a small machine, and a rename must not wait
     * behind the reading of the next batch. Idle threads end, so a harvester nobody closes holds
     * none.
     */
    private final ExecutorService decideThread = stageThread("harvest-decide");
    private final ExecutorService placeThread = stageThread("harvest-rename-close");

    /** A harvester on the ledger's rows and moves and on registration, as the engine was handed them. */
    public StageOutHarvester(LedgerView ledger, JobMoves transitions, OutputRegistry registrar, EngineSettings settings,
                             CrashPoint crash) {
        this.settings = settings;
        this.ledger = ledger;
        this.registrar = registrar;
        this.transitions = transitions;
        this.closing = new JobClosing(transitions, settings);
        // sphenixprod's worker codes, not the wrapper's: these jobs have no wrapper
        this.retry = new InfrastructureRetry(settings.infrastructureAttempts(), InfrastructureRetry.SPHENIXPROD);
        this.crash = crash;
    }

    /** A job that completed with exit code 0: what it can write, and where. */
    private record Completed(LedgerJob row, JobNames names, StageOutPlaces dirs) {
    }

    /**
     * A job that completed well, with its files verified, the hidden copies beside their targets of
     * those whose rename crosses file systems (by target), and its files as the catalog will hold
     * them (made by the deciding stage, so that registration, the pipeline's longest, only writes).
     */
    private record Taken(LedgerJob row, List<Placement.VerifiedFile> files, Path stagedDst, Map<Path, Path> copies,
                         List<CatalogedOutput> outputs) {
    }

    /** Harvests every job of {@code production} whose batch job completed since the last harvest. */
    public HarvestReport harvest(Production production, BatchQueue queue, EventLog events) throws SQLException {
        return harvest(production, QueueJobs.of(queue), events);
    }

    /** As {@link #harvest(Production, BatchQueue, EventLog)}, on a queue read indexed once for the pass. */
    public HarvestReport harvest(Production production, QueueJobs queue, EventLog events) throws SQLException {
        List<LedgerJob> rows = new ArrayList<>();
        List<LedgerJob> ended = new ArrayList<>();
        ledger.jobs(production.name(), LOOKED_AT, row -> {
            if (row.state().isSubmitted()) {
                rows.add(row);
            } else if (submittedAgainNext(production, row)) {
                ended.add(row);
            }
        });
        Optional<ProductionTrees> trees = ProductionTrees.of(settings, production, events);
        if (trees.isEmpty()) {
            return HarvestReport.NONE;
        }
        String runtype = production.rule().params().physicsmode();
        boolean combiner = production.rule().input().intriplet().isEmpty();
        StagedIndex index = new StagedIndex();
        Set<JobKey> heldBack = new HashSet<>();
        for (LedgerJob row : ended) {
            try {
                setAside(production, row, endedHow(row), places(row, runtype, trees.get()), index, events);
            } catch (IOException | UncheckedIOException e) {
                deferred(production, row, e, events);
                heldBack.add(row.key().job());
            }
        }
        List<Completed> completed = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long failed = 0;
        for (LedgerJob row : rows) {
            BatchJob job = LedgerRows.batchJob(row).flatMap(queue::job).orElse(null);
            if (job == null || !seen.add(row.id())) {
                continue;
            }
            if (job.state() == BatchState.REMOVED) {
                // removed outside the operator: the planner fails the row; what it staged goes aside now
                try {
                    setAside(production, row, "was removed from the batch queue (batch job " + job.id() + ")",
                            places(row, runtype, trees.get()), index, events);
                } catch (IOException | UncheckedIOException e) {
                    deferred(production, row, e, events);
                    heldBack.add(row.key().job());
                }
                continue;
            }
            if (job.state() != BatchState.COMPLETED) {
                continue;
            }
            OutputFile dst = row.key().output();
            StageOutPlaces dirs = places(row, runtype, trees.get());
            OptionalInt exitCode = job.exitCode();
            if (exitCode.isPresent() && exitCode.getAsInt() == 0) {
                completed.add(new Completed(row, new JobNames(dst, new WritableSegments(dst.segment(), combiner)), dirs));
                continue;
            }
            try {
                failed += unsuccessful(production, row, job, dirs, index, events);
            } catch (IOException | UncheckedIOException e) {
                deferred(production, row, e, events);
            }
        }
        // Reading every staged file (size, md5) and checking it against the final tree, registering,
        // and renaming are each a large part of a harvest and use different things (the disks, the
        // catalog's server, directory updates), so batches go through them as a pipeline of three
        // stages, in step: while batch i is registered (on this thread), batch i+1 is read and
        // decided, and batch i-1 renamed and its rows closed, on a thread each. Each job still goes
        // verify, check the final tree, register, rename, close, in this order; a batch is decided
        // only after the one before it, so the targets it claims are seen by the next. In step
        // rather than each stage running ahead: on a small machine, stages that run ahead take the
        // cores from the one that is behind. Registration alone on this thread: it is the longest
        // stage, and the catalog's server does most of its work.
        HarvestReport total = new HarvestReport(0, 0, 0, failed, heldBack);
        List<List<Completed>> batches = PipelineBatches.of(completed, settings.harvestBatch());
        CompletableFuture<Decided> deciding = CompletableFuture.completedFuture(
                batches.isEmpty() ? Decided.NONE : decide(production, batches.get(0), index, events));
        CompletableFuture<HarvestReport> placing = CompletableFuture.completedFuture(HarvestReport.NONE);
        try {
            for (int i = 0; i < batches.size(); i++) {
                Decided decided = joined(deciding);
                List<Completed> following = i + 1 < batches.size() ? batches.get(i + 1) : List.of();
                deciding = following.isEmpty() ? CompletableFuture.completedFuture(Decided.NONE)
                        : stage(decideThread, () -> decide(production, following, index, events));
                total = total.plus(decided.report());
                Registered registered = register(production, decided.taken(), events);
                total = total.plus(joined(placing));
                placing = registered.jobs().isEmpty() ? CompletableFuture.completedFuture(HarvestReport.NONE)
                        : stage(placeThread, () -> closed(production, registered,
                                renamed(production, registered.jobs(), index, events), events));
            }
            total = total.plus(joined(placing));
        } finally {
            // a pass that stops (a crash point, the catalog gone) lets the work it started end first;
            // rows left open are closed by the next pass (their files are in place, or still staged)
            deciding.exceptionally(e -> Decided.NONE).join();
            placing.exceptionally(e -> HarvestReport.NONE).join();
        }
        return total;
    }

    /** A stage's work, which may meet the ledger or the catalog. */
    private interface StageWork<T> {
        T run() throws SQLException;
    }

    private static <T> CompletableFuture<T> stage(ExecutorService thread, StageWork<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, thread);
    }

    /** The stage's result, or what stopped it as it was thrown. */
    private static <T> T joined(CompletableFuture<T> future) throws SQLException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The jobs' files read and checked, jobs in parallel. */
    private static List<Placement> verify(List<Completed> jobs, StagedIndex index) {
        return jobs.parallelStream().map(c -> find(c, index)).toList();
    }

    /** A batch's verified jobs that can be taken whole, how many of the others failed, and those waiting for space. */
    private record Decided(List<Taken> taken, long failed, Map<Path, Long> waitingForSpace) {
        static final Decided NONE = new Decided(List.of(), 0, Map.of());

        HarvestReport report() {
            return new HarvestReport(0, 0, 0, failed, Set.of(), waitingForSpace);
        }
    }

    /**
     * One batch's jobs read and checked (jobs in parallel), then against the final tree: the
     * refused are set aside and closed, the deferred told, the rest taken, their targets claimed so
     * that a later batch never renames onto them.
     */
    private Decided decide(Production production, List<Completed> batch, StagedIndex index, EventLog events)
            throws SQLException {
        List<Placement> found = verify(batch, index);
        long failed = 0;
        List<Taken> taken = new ArrayList<>();
        Map<Path, Long> waitingForSpace = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Completed c = batch.get(i);
            LedgerJob row = c.row();
            try {
                Placement placement = found.get(i) instanceof Placement.Verified verified
                        ? JobStaging.againstFinalTree(verified, index) : found.get(i);
                if (placement instanceof Placement.Verified verified) {
                    if (!verified.files().isEmpty() || renamedEarlier(c.names(), c.dirs())) {
                        Optional<Map<Path, Path>> copies = copiesBeside(production, row, verified.files(), index,
                                waitingForSpace, events);
                        if (copies.isPresent()) {
                            verified.files().forEach(v -> index.claim(v.file()));
                            taken.add(new Taken(row, verified.files(), c.dirs().stagedDst(), copies.get(),
                                    cataloged(verified.files())));
                        }
                    } else {
                        failed += closing.close(production, row, InfrastructureRetry.Verdict.fail(
                                "it completed with exit code 0 but staged no output with its dbid " + StagingDbid.of(row)), events);
                    }
                } else if (placement instanceof Placement.Refused refused) {
                    // set aside like a failed attempt's: a later attempt of the key carries the same dbid
                    JobStaging.setAside(StagingDbid.of(row), row.attempt(), c.dirs(), index);
                    failed += closing.close(production, row, InfrastructureRetry.Verdict.fail(refused.reason()), events);
                } else if (placement instanceof Placement.Deferred deferred) {
                    events.warning(production.name(), deferred.kind(), "job " + JobClosing.jobName(row) + ": "
                            + deferred.reason() + "; not harvested");
                }
            } catch (IOException | UncheckedIOException e) {
                deferred(production, row, e, events);
            }
        }
        return new Decided(taken, failed, waitingForSpace);
    }

    /**
     * The job's files copied beside their targets where the rename would cross file systems, before
     * anything of the job is registered: a full final tree then stops the job whole, nothing of it
     * catalogued. Empty (and no copy left) when there is no space; the job waits in staging.
     */
    private static Optional<Map<Path, Path>> copiesBeside(Production production, LedgerJob row,
                                                          List<Placement.VerifiedFile> files, StagedIndex index,
                                                          Map<Path, Long> waitingForSpace, EventLog events)
            throws IOException {
        Map<Path, Path> copies = new HashMap<>();
        try {
            for (Placement.VerifiedFile v : files) {
                if (!v.inPlace()) {
                    index.copyBeside(v.file()).ifPresent(c -> copies.put(v.file().target(), c));
                }
            }
            return Optional.of(copies);
        } catch (IOException | UncheckedIOException e) {
            for (Path copy : copies.values()) {
                Files.deleteIfExists(copy);
            }
            if (!(e instanceof NoSpaceLeft full)) {
                throw e;
            }
            waitingForSpace.merge(full.directory(), 1L, Long::sum);
            events.warning(production.name(), EventKind.HARVEST_DEFERRED, "job " + JobClosing.jobName(row)
                    + ": no space left in " + full.directory() + " for its outputs; they stay in staging, whole,"
                    + " nothing of them catalogued, and are moved and catalogued once there is space");
            return Optional.empty();
        }
    }

    private static Set<LedgerState> lookedAt() {
        Set<LedgerState> states = EnumSet.copyOf(LedgerState.submitted());
        states.addAll(EnumSet.of(LedgerState.KILLED, LedgerState.LOST, LedgerState.FAILED));
        return states;
    }

    private static StageOutPlaces places(LedgerJob row, String runtype, ProductionTrees trees) {
        return StageOutPlaces.of(row.key().output(), runtype, trees.staging(), trees.finalTree());
    }

    /**
     * Whether the next plan may submit this ended row's key again, under the same row (so the same
     * dbid): a killed or lost row always may, a failed one when its rerun token is no longer the
     * one in force. The engine harvests before it plans, so such a row's staged files are set
     * aside in the pass before its next attempt exists.
     */
    private static boolean submittedAgainNext(Production production, LedgerJob row) {
        return switch (row.state()) {
            case KILLED, LOST -> true;
            case FAILED -> !row.rerunToken().equals(production.rerunTokenFor(row.key().job().run()));
            default -> false;
        };
    }

    private static String endedHow(LedgerJob row) {
        return switch (row.state()) {
            case KILLED -> "was killed";
            case LOST -> "was lost on its way to the batch queue";
            default -> "failed and is run again under a new rerun token";
        };
    }

    private static Placement find(Completed job, StagedIndex index) {
        try {
            return JobStaging.find(job.names(), StagingDbid.of(job.row()), job.dirs(), index);
        } catch (IOException | UncheckedIOException e) {
            return new Placement.Deferred(EventKind.HARVEST_DEFERRED, "its staged files could not be read (" + e
                    + "); tried again next pass");
        }
    }

    private static void deferred(Production production, LedgerJob row, Exception e, EventLog events) {
        events.warning(production.name(), EventKind.HARVEST_DEFERRED, "job " + JobClosing.jobName(row)
                + ": its staged files could not be read or set aside (" + e + "); tried again next pass");
    }

    /** A batch registered: its jobs to rename (none in conflict with the catalog), and what registration did. */
    private record Registered(List<Taken> jobs, int outputs, long registered) {
        static final Registered NONE = new Registered(List.of(), 0, 0);
    }

    /**
     * Registers a batch's files, before any is renamed: the names that carry the events survive
     * until they are catalogued. A job with a file the catalog holds with another checksum is
     * told and left whole.
     */
    private Registered register(Production production, List<Taken> batch, EventLog events) throws SQLException {
        if (batch.isEmpty()) {
            return Registered.NONE;
        }
        List<CatalogedOutput> outputs = new ArrayList<>();
        for (Taken job : batch) {
            outputs.addAll(job.outputs());
        }
        RegistrationResult result = registrar.register(outputs);
        crash.reached(CrashPoint.Step.AFTER_HARVEST_REGISTERED);
        if (result.conflicts().isEmpty()) {
            return new Registered(batch, outputs.size(), result.registered());
        }
        Map<String, RegistrationConflict> conflicts = new HashMap<>();
        result.conflicts().forEach(c -> conflicts.put(c.lfn(), c));
        List<Taken> clear = new ArrayList<>();
        for (Taken job : batch) {
            RegistrationConflict conflict = job.files().stream().map(v -> conflicts.get(v.file().name().lfn()))
                    .filter(c -> c != null).findFirst().orElse(null);
            if (conflict == null) {
                clear.add(job);
            } else {
                events.warning(production.name(), EventKind.HARVEST_CONFLICT, conflict.lfn() + " is catalogued with checksum "
                        + conflict.catalogedMd5() + ", job " + JobClosing.jobName(job.row()) + " wrote " + conflict.offeredMd5()
                        + "; nothing of the job renamed, it stays unharvested until someone decides which copy is right");
            }
        }
        return new Registered(clear, outputs.size(), result.registered());
    }

    private List<CatalogedOutput> cataloged(List<Placement.VerifiedFile> files) {
        List<CatalogedOutput> outputs = new ArrayList<>(files.size());
        for (Placement.VerifiedFile v : files) {
            outputs.add(v.file().cataloged(settings.storage(), v.fingerprint()));
        }
        return outputs;
    }

    /** The registered jobs whose files are all renamed into place; one whose rename failed is told and left for the next pass. */
    private static List<Taken> renamed(Production production, List<Taken> jobs, StagedIndex index, EventLog events) {
        List<Taken> renamed = new ArrayList<>();
        for (Taken job : jobs) {
            try {
                rename(job.files(), job.copies(), index);
                for (Path marker : index.markersOf(job.stagedDst(), StagingDbid.of(job.row()))) {
                    Files.deleteIfExists(marker);
                }
                renamed.add(job);
            } catch (IOException | UncheckedIOException e) {
                events.warning(production.name(), EventKind.HARVEST_DEFERRED, "job " + JobClosing.jobName(job.row())
                        + ": its outputs are catalogued but could not all be renamed into place (" + e
                        + "); tried again next pass");
            }
        }
        return renamed;
    }

    /** Closes the rows of a registered batch's jobs whose files are in place, with their DSTs' events. */
    private HarvestReport closed(Production production, Registered batch, List<Taken> renamed, EventLog events)
            throws SQLException {
        if (batch.jobs().isEmpty()) {
            return HarvestReport.NONE;
        }
        List<Long> ids = new ArrayList<>();
        List<Long> nevents = new ArrayList<>();
        List<JobKey> keys = new ArrayList<>();
        long eventsRegistered = 0;
        for (Taken job : renamed) {
            long jobEvents = job.files().stream().filter(v -> v.file().dst()).mapToLong(v -> v.file().name().events()).sum();
            ids.add(job.row().id());
            nevents.add(jobEvents);
            keys.add(job.row().key().job());
            eventsRegistered += jobEvents;
        }
        transitions.succeeded(ids, nevents);
        if (!keys.isEmpty()) {
            events.info(production.name(), EventKind.REGISTERED, "registered " + Words.count(batch.outputs(), "output")
                    + " of " + Words.count(keys.size(), "job") + ", " + Words.runSpan(keys) + " (" + eventsRegistered
                    + " events)");
        }
        return new HarvestReport(keys.size(), batch.registered(), eventsRegistered, 0);
    }

    /** Each file to its plain lfn in the final tree; a copy already there (an earlier pass) drops the staged one. */
    private static void rename(List<Placement.VerifiedFile> files, Map<Path, Path> copies, StagedIndex index)
            throws IOException {
        for (Placement.VerifiedFile v : files) {
            // on one file system there are no copies, and a look-up would hash every target's path
            Path copy = copies.isEmpty() ? null : copies.get(v.file().target());
            if (v.inPlace()) {
                Files.deleteIfExists(v.file().staged());
            } else if (copy != null) {
                index.commit(copy, v.file());
            } else {
                index.rename(v.file());
            }
        }
    }

    /**
     * A job that completed with exit code 0 and has nothing staged: harvested already by a pass that
     * renamed its files and stopped before closing its row, when a DST it can write is in place.
     */
    private static boolean renamedEarlier(JobNames names, StageOutPlaces dirs) throws IOException {
        if (!Files.isDirectory(dirs.finalDst(), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dirs.finalDst())) {
            for (Path file : files) {
                if (names.dst(file.getFileName().toString()).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Sets aside, as {@code <name>.failed-attempt-<n>}, what the row's attempt staged, and says so:
     * the key's next attempt runs under the same row, so the same dbid, and must never be credited
     * with these files. A file the attempt was still writing (a hidden name) is left where it is.
     */
    private static void setAside(Production production, LedgerJob row, String how, StageOutPlaces dirs, StagedIndex index,
                                 EventLog events) throws IOException {
        List<String> setAside = JobStaging.setAside(StagingDbid.of(row), row.attempt(), dirs, index);
        if (!setAside.isEmpty()) {
            events.warning(production.name(), EventKind.HARVEST_DEFERRED, "job " + JobClosing.jobName(row) + " " + how
                    + " on attempt " + row.attempt() + "; none of its " + Words.count(setAside.size(), "staged file")
                    + " is registered, kept for inspection as <name>.failed-attempt-" + row.attempt() + ": "
                    + String.join(", ", setAside));
        }
    }

    /**
     * A job that ended badly registers none of its files: they are set aside for inspection, and the
     * job is submitted again (an infrastructure code, a bounded number of times) or failed.
     */
    private long unsuccessful(Production production, LedgerJob row, BatchJob job, StageOutPlaces dirs, StagedIndex index,
                              EventLog events) throws IOException, SQLException {
        String code = job.exitCode().isPresent() ? "exit code " + job.exitCode().getAsInt() : "no exit code";
        setAside(production, row, "ended with " + code, dirs, index, events);
        InfrastructureRetry.Verdict verdict = job.exitCode().isPresent()
                ? retry.decide(job.exitCode().getAsInt(), null, row.attempt())
                : InfrastructureRetry.Verdict.fail("it ended without an exit code");
        return closing.close(production, row, verdict.on("batch job " + job.id()), events);
    }

    private static ExecutorService stageThread(String name) {
        ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                work -> {
                    Thread stage = new Thread(work, name);
                    stage.setDaemon(true);
                    return stage;
                });
        thread.allowCoreThreadTimeOut(true);
        return thread;
    }

    /** Stops the pipeline's threads; a harvest in progress ends first (the engine's passes do not overlap its close). */
    @Override
    public void close() {
        decideThread.shutdown();
        placeThread.shutdown();
    }
}
