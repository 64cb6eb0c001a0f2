package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.batch.wrapper.Manifest;
import gov.bnl.sphenix.production.catalog.ledger.JobMoves;
import gov.bnl.sphenix.production.catalog.ledger.LedgerView;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
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
import gov.bnl.sphenix.production.plan.MissingManifest;
import gov.bnl.sphenix.production.plan.Words;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>Manifests and staged files are written by jobs, so they are checked, not trusted: paths come
 * from the ledger row's key ({@link JobOutputs}), files are verified on disk and links refused
 * ({@link OutputPlacement}). Each job is harvested on its own: one job's bad manifest or failed
 * move is reported for that job and never stops the others.
 */
public final class Harvester {

    private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

    private static final Set<LedgerState> AWAITING_HARVEST = LedgerState.submitted();

    private final LedgerView ledger;
    private final JobMoves transitions;
    private final OutputRegistry registrar;
    private final EngineSettings settings;
    private final CrashPoint crash;
    private final OutputPlacement placement;
    private final InfrastructureRetry retry;
    private final JobClosing closing;

    /** A harvester on the ledger's rows and moves and on registration, as the engine was handed them. */
    public Harvester(LedgerView ledger, JobMoves transitions, OutputRegistry registrar, EngineSettings settings,
                     CrashPoint crash) {
        this.ledger = ledger;
        this.transitions = transitions;
        this.registrar = registrar;
        this.settings = settings;
        this.crash = crash;
        this.placement = new OutputPlacement(settings.storage());
        this.retry = new InfrastructureRetry(settings.infrastructureAttempts());
        this.closing = new JobClosing(transitions, settings);
        // at start-up: say now, not at the first failed move, when staging and final trees cannot rename into each other
        for (StoragePairs.Finding finding : StoragePairs.check(settings)) {
            if (finding.atomic()) {
                LOG.info("harvest: {}", finding.message());
            } else {
                LOG.warn("harvest: {}", finding.message());
            }
        }
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
        return harvest(production, QueueJobs.of(queue), now, events);
    }

    /** As {@link #harvest(Production, BatchQueue, Instant, EventLog)}, on a queue read indexed once for the pass. */
    public HarvestReport harvest(Production production, QueueJobs queue, Instant now, EventLog events)
            throws SQLException, IOException {
        Optional<ProductionTrees> found = ProductionTrees.of(settings, production, events);
        if (found.isEmpty()) {
            return HarvestReport.NONE;
        }
        ProductionTrees trees = found.get();
        List<Finished> finished = new ArrayList<>();
        long failed = 0;
        List<LedgerJob> rows = new ArrayList<>();
        ledger.jobs(production.name(), AWAITING_HARVEST, rows::add);
        Set<Long> seen = new HashSet<>();
        for (LedgerJob row : rows) {
            BatchJob job = LedgerRows.batchJob(row).flatMap(queue::job).orElse(null);
            boolean stillQueued = job != null && job.isLive();
            if (!seen.add(row.id()) || stillQueued) {
                continue;
            }
            ManifestFile.Read read;
            try {
                read = manifestOf(production, row, trees);
            } catch (IOException | UncheckedIOException e) {
                events.warning(production.name(), EventKind.HARVEST_DEFERRED, "job " + jobName(row)
                        + ": its manifest could not be read (" + e.getMessage() + "); tried again next pass");
                continue;
            }
            if (read.unusable().isPresent()) {
                if (job == null) {
                    // cannot tell which attempt wrote it; a job in neither queue nor history is the planner's (lost)
                    continue;
                }
                failed += close(production, row, InfrastructureRetry.Verdict.fail(read.unusable().get()), events);
            } else if (read.isAbsent()) {
                failed += withoutManifest(production, row, job, now, events);
            } else if (read.manifest().get().succeeded()) {
                finished.add(new Finished(row, read.manifest().get()));
            } else {
                Manifest manifest = read.manifest().get();
                InfrastructureRetry.Verdict verdict = retry.decide(manifest.exitCode(), manifest.problem(), row.attempt());
                failed += close(production, row, verdict.on("batch job " + manifest.batchId()), events);
            }
        }
        HarvestReport total = new HarvestReport(0, 0, 0, failed);
        for (int from = 0; from < finished.size(); from += settings.harvestBatch()) {
            total = total.plus(harvestBatch(production,
                    finished.subList(from, Math.min(finished.size(), from + settings.harvestBatch())), trees, events));
        }
        return total;
    }

    /** Move, register, close: in this order, so a catalogue row never points at a missing file. */
    private HarvestReport harvestBatch(Production production, List<Finished> batch, ProductionTrees trees,
                                       EventLog events)
            throws SQLException {
        List<CatalogedOutput> outputs = new ArrayList<>();
        List<Finished> placed = new ArrayList<>();
        String runtype = production.rule().params().physicsmode();
        Map<String, Set<String>> catalogued = registrar.checksums(
                batch.stream().map(job -> job.row().key().output().fileName()).toList());
        long failed = 0;
        Map<Path, Long> waitingForSpace = new HashMap<>();
        int half = (batch.size() + 1) / 2;
        for (int i = 0; i < batch.size(); i++) {
            if (i == half) {
                crash.reached(CrashPoint.Step.MID_HARVEST_BATCH);
            }
            Finished job = batch.get(i);
            Placement outcome = place(job, runtype, trees, catalogued);
            if (outcome instanceof Placement.Placed p) {
                outputs.add(p.dst());
                placed.add(job);
            } else if (outcome instanceof Placement.Refused refused) {
                failed += close(production, job.row(), InfrastructureRetry.Verdict.fail(refused.reason()), events);
            } else if (outcome instanceof Placement.Deferred deferred) {
                events.warning(production.name(), deferred.kind(), "job " + jobName(job.row()) + ": " + deferred.reason()
                        + "; not harvested");
            } else if (outcome instanceof Placement.NoSpace full) {
                waitingForSpace.merge(full.directory(), 1L, Long::sum);
                events.warning(production.name(), EventKind.HARVEST_DEFERRED, "job " + jobName(job.row())
                        + ": no space left in " + full.directory() + " for its outputs; they stay in staging, whole,"
                        + " and are moved and catalogued once there is space");
            }
        }
        RegistrationResult result = registrar.register(outputs);
        crash.reached(CrashPoint.Step.AFTER_HARVEST_REGISTERED);
        Set<String> conflicting = new HashSet<>();
        for (RegistrationConflict conflict : result.conflicts()) {
            conflicting.add(conflict.lfn());
            events.warning(production.name(), EventKind.HARVEST_CONFLICT, conflict.lfn() + " is catalogued with checksum "
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
            keys.add(placed.get(i).row().key().job());
            eventsRegistered += outputs.get(i).events();
        }
        transitions.succeeded(ids, nevents);
        if (!keys.isEmpty()) {
            events.info(production.name(), EventKind.REGISTERED, "registered " + Words.count(keys.size(), "output") + " of "
                    + Words.runSpan(keys) + " (" + eventsRegistered + " events)");
        }
        return new HarvestReport(keys.size(), result.registered(), eventsRegistered, failed, Set.of(), waitingForSpace);
    }

    /** One job's outputs into the final tree; a failing file system defers this job only. */
    private Placement place(Finished job, String runtype, ProductionTrees trees, Map<String, Set<String>> catalogued) {
        OutputFile dst = job.row().key().output();
        try {
            return placement.place(dst, job.manifest(),
                    JobOutputs.of(dst, runtype, trees.staging(), trees.finalTree()), catalogued);
        } catch (NoSpaceLeft e) {
            return new Placement.NoSpace(e.directory());
        } catch (IOException | UncheckedIOException e) {
            return new Placement.Deferred(EventKind.HARVEST_DEFERRED, "its outputs could not be verified or moved (" + e
                    + "); tried again next pass");
        }
    }

    /**
     * No manifest. A job the batch system says ended with an infrastructure exit code gets the
     * bounded retry at once (the wrapper could not even write its manifest). One that completed well
     * fails when {@link MissingManifest} says its grace period is over. Returns jobs failed.
     */
    private long withoutManifest(Production production, LedgerJob row, BatchJob job, Instant now, EventLog events)
            throws SQLException {
        if (job == null || job.state() != BatchState.COMPLETED) {
            return 0;
        }
        int exitCode = job.exitCode().orElse(0);
        if (InfrastructureRetry.isInfrastructure(exitCode)) {
            InfrastructureRetry.Verdict verdict = retry.decide(exitCode, "no manifest", row.attempt());
            return close(production, row, verdict.on("batch job " + job.id()), events);
        }
        Optional<String> overdue = MissingManifest.overdue(job, now, settings.planner().harvestGrace());
        if (overdue.isPresent()) {
            return close(production, row, InfrastructureRetry.Verdict.fail(overdue.get()), events);
        }
        return 0;
    }

    /** Ends a job that will not be harvested (see {@link JobClosing}). Returns 1 when it failed. */
    private long close(Production production, LedgerJob row, InfrastructureRetry.Verdict verdict, EventLog events)
            throws SQLException {
        return closing.close(production, row, verdict, events);
    }

    /** The job's manifest, when it was written by this attempt (an older attempt's manifest is ignored). */
    private ManifestFile.Read manifestOf(Production production, LedgerJob row, ProductionTrees trees)
            throws IOException {
        if (row.clusterId().isEmpty() || row.procId().isEmpty()) {
            return ManifestFile.Read.absent();
        }
        OutputFile dst = row.key().output();
        Path path = new JobFiles(trees.finalTree().logDirectory(dst, production.rule().params().physicsmode()),
                dst.stem()).manifest();
        ManifestFile.Read read = ManifestFile.read(trees.finalTree().logRoot(), path);
        if (read.manifest().isEmpty()) {
            return read;
        }
        String batchId = row.clusterId().getAsLong() + "." + row.procId().getAsInt();
        return batchId.equals(read.manifest().get().batchId()) ? read : ManifestFile.Read.absent();
    }

    private static String jobName(LedgerJob row) {
        return JobClosing.jobName(row);
    }
}
