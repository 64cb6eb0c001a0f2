package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.batch.wrapper.Manifest;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.JobState;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.catalog.registration.RegistrationConflict;
import gov.bnl.sphenix.production.catalog.registration.RegistrationResult;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.control.observe.LedgerRows;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.QueueJob;
import gov.bnl.sphenix.production.plan.QueueState;
import gov.bnl.sphenix.production.plan.Words;
import gov.bnl.sphenix.production.spec.BatchJobId;
import gov.bnl.sphenix.production.spec.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Harvests finished jobs: reads the manifest each job's wrapper left next to its logs, moves the
 * outputs from the staging tree into their final directory, registers the DSTs in the FileCatalog
 * in bulk (one transaction per batch), and only then closes the ledger rows.
 *
 * <p>Every step can be repeated, so a crash anywhere is repaired by the next harvest: a file
 * already moved is recognised in its final place, registration of a file already catalogued with
 * the same checksum is a no-op, and the manifest stays where the job wrote it (with its logs) — it
 * is never consumed. The order (move, register, close) means a catalogue row always points at a
 * file that is there.
 */
public final class Harvester {

    /** How long a completed job's manifest may take to show on the shared file system. */
    static final Duration MANIFEST_GRACE = Duration.ofMinutes(10);

    private static final EnumSet<JobState> AWAITING_HARVEST = EnumSet.of(JobState.IDLE, JobState.RUNNING, JobState.HELD);

    private final JobLedger ledger;
    private final JobTransitions transitions;
    private final BulkRegistrar registrar;
    private final EngineSettings settings;
    private final CrashPoint crash;

    public Harvester(Catalogs catalogs, EngineSettings settings, Clock clock, CrashPoint crash) {
        this.ledger = new JobLedger(catalogs.ledger(), catalogs.retry(), clock);
        this.transitions = new JobTransitions(catalogs.ledger(), catalogs.retry(), clock);
        this.registrar = new BulkRegistrar(catalogs.fileCatalog(), catalogs.retry(), clock, BulkRegistrar.DEFAULT_BATCH);
        this.settings = settings;
        this.crash = crash;
    }

    /** A finished job whose outputs are ready to go. */
    private record Finished(LedgerJob row, Manifest manifest) {
    }

    /**
     * Harvests every job of {@code production} that finished since the last harvest. A job still
     * live in {@code queue} is left for the next pass even when its manifest is written: the wrapper
     * writes it just before it exits, and a row closed under a live job would look like a stray.
     */
    public HarvestReport harvest(Production production, BatchQueue queue, Instant now, EventLog events)
            throws SQLException, IOException {
        Map<BatchJobId, QueueJob> jobs = new HashMap<>();
        queue.jobs().forEach(j -> jobs.put(j.id(), j));
        List<Finished> finished = new ArrayList<>();
        long failed = 0;
        List<LedgerJob> rows = new ArrayList<>();
        ledger.jobs(production.name(), AWAITING_HARVEST, rows::add);
        Set<Long> seen = new HashSet<>();
        for (LedgerJob row : rows) {
            QueueJob job = LedgerRows.batchJob(row).map(jobs::get).orElse(null);
            boolean stillQueued = job != null && job.isLive();
            Optional<Manifest> manifest = seen.add(row.id()) && !stillQueued ? manifestOf(production, row) : Optional.empty();
            if (manifest.isEmpty()) {
                if (job != null && completedLongAgo(job, now)) {
                    failWithoutManifest(production, row, job, events);
                    failed++;
                }
                continue;
            }
            if (manifest.get().succeeded()) {
                finished.add(new Finished(row, manifest.get()));
            } else {
                fail(production, row, manifest.get(), events);
                failed++;
            }
        }
        HarvestReport total = new HarvestReport(0, 0, 0, failed);
        for (int from = 0; from < finished.size(); from += settings.harvestBatch()) {
            total = total.plus(harvestBatch(production,
                    finished.subList(from, Math.min(finished.size(), from + settings.harvestBatch())), events));
        }
        return total;
    }

    /** Move, register, close: in this order, so a catalogue row never points at a missing file. */
    private HarvestReport harvestBatch(Production production, List<Finished> batch, EventLog events)
            throws SQLException, IOException {
        List<CatalogedOutput> outputs = new ArrayList<>();
        List<Finished> placed = new ArrayList<>();
        int half = (batch.size() + 1) / 2;
        for (int i = 0; i < batch.size(); i++) {
            if (i == half) {
                crash.reached(CrashPoint.Step.MID_HARVEST_BATCH);
            }
            Finished job = batch.get(i);
            Optional<CatalogedOutput> dst = place(production, job, events);
            if (dst.isPresent()) {
                outputs.add(dst.get());
                placed.add(job);
            }
        }
        RegistrationResult result = registrar.register(outputs);
        crash.reached(CrashPoint.Step.AFTER_HARVEST_REGISTERED);
        Set<String> conflicting = new HashSet<>();
        for (RegistrationConflict conflict : result.conflicts()) {
            conflicting.add(conflict.lfn());
            events.warning(production.name(), "harvest-conflict", conflict.lfn() + " is catalogued with checksum "
                    + conflict.catalogedMd5() + ", the job wrote " + conflict.offeredMd5()
                    + "; not registered, the job stays unharvested until someone decides which copy is right");
        }
        List<Long> ids = new ArrayList<>();
        List<Long> nevents = new ArrayList<>();
        List<JobKey> keys = new ArrayList<>();
        long eventsRegistered = 0;
        for (int i = 0; i < placed.size(); i++) {
            if (conflicting.contains(outputs.get(i).lfn())) {
                continue;
            }
            ids.add(placed.get(i).row().id());
            nevents.add(outputs.get(i).events());
            keys.add(LedgerRows.key(placed.get(i).row()));
            eventsRegistered += outputs.get(i).events();
        }
        transitions.finished(ids, nevents);
        if (!keys.isEmpty()) {
            events.info(production.name(), "registered", "registered " + Words.count(keys.size(), "output") + " of "
                    + Words.runSpan(keys) + " (" + eventsRegistered + " events)");
        }
        return new HarvestReport(keys.size(), result.registered(), eventsRegistered, 0);
    }

    /**
     * Moves a job's outputs into the final tree and returns its DST as the catalog will hold it;
     * empty (and the job failed) when the manifest names a file that is in neither place.
     */
    private Optional<CatalogedOutput> place(Production production, Finished job, EventLog events) throws IOException {
        OutputFile dst = job.row().key().output();
        String runtype = production.rule().params().physicsmode();
        Layout finalTree = settings.layout();
        CatalogedOutput cataloged = null;
        for (Manifest.Output output : job.manifest().outputs()) {
            boolean isDst = output.lfn().equals(dst.fileName());
            Path target = isDst ? finalTree.dstPath(dst, runtype) : finalTree.histPath(dst, runtype);
            if (!moveOnce(Path.of(output.path()), target)) {
                events.warning(production.name(), "harvest-missing", "job " + LedgerRows.key(job.row()).jobName() + ": its manifest names "
                        + output.path() + ", which is in neither the staging nor the final tree; not harvested");
                return Optional.empty();
            }
            if (isDst) {
                cataloged = new CatalogedOutput(dst, settings.storage(), target.toString(), output.size(),
                        output.checksum(), orZero(output.nevents()), orZero(output.firstEvent()), orZero(output.lastEvent()));
            }
        }
        return Optional.ofNullable(cataloged);
    }

    /** True when the file is in its final place afterwards: moved now, or by an earlier harvest. */
    private static boolean moveOnce(Path staged, Path target) throws IOException {
        if (Files.exists(staged)) {
            Files.createDirectories(target.getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
        return Files.exists(target);
    }

    /**
     * A job the batch system says completed well, whose wrapper left no manifest: its outputs cannot
     * be trusted, so it fails (a rerun token brings it back). A shared file system may show a file
     * late, hence the grace period.
     */
    private static boolean completedLongAgo(QueueJob job, Instant now) {
        return job.state() == QueueState.COMPLETED && job.exitCode().orElse(0) == 0
                && job.stateSince().map(t -> t.plus(MANIFEST_GRACE).isBefore(now)).orElse(false);
    }

    private void failWithoutManifest(Production production, LedgerJob row, QueueJob job, EventLog events)
            throws SQLException {
        transitions.failed(row.id(), Optional.empty());
        events.warning(production.name(), "failed", "job " + LedgerRows.key(row).jobName() + " failed: batch job " + job.id()
                + " completed " + Words.duration(MANIFEST_GRACE) + " ago or more but left no manifest next to its logs");
    }

    private void fail(Production production, LedgerJob row, Manifest manifest, EventLog events) throws SQLException {
        transitions.failed(row.id(), Optional.empty());
        events.warning(production.name(), "failed", "job " + LedgerRows.key(row).jobName() + " failed: exit code " + manifest.exitCode()
                + (manifest.problem() == null ? "" : ", " + manifest.problem()) + " (batch job " + manifest.batchId() + ")");
    }

    /** The job's manifest, when it was written by this attempt (an older attempt's manifest is ignored). */
    private Optional<Manifest> manifestOf(Production production, LedgerJob row) throws IOException {
        if (row.clusterId().isEmpty() || row.procId().isEmpty()) {
            return Optional.empty();
        }
        OutputFile dst = row.key().output();
        Path path = new JobFiles(settings.layout().logDirectory(dst, production.rule().params().physicsmode()),
                dst.stem()).manifest();
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        Manifest manifest = Manifest.read(path);
        String batchId = row.clusterId().getAsLong() + "." + row.procId().getAsInt();
        return batchId.equals(manifest.batchId()) ? Optional.of(manifest) : Optional.empty();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
