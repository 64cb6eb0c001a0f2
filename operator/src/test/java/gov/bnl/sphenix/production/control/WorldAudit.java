package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.wrapper.Manifest;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.control.observe.LedgerRows;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.tools.demo.DuplicateCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a world the way someone auditing the operator would: the batch system's own queue and
 * history, the ledger, the FileCatalog and the disk, each straight from the source rather than
 * through the engine, so that the engine cannot vouch for itself. Each check returns what it
 * found wrong, in words, so a test can run the checks after every pass and report all of them.
 */
final class WorldAudit {

    private final DemoWorld world;
    private final String production;
    private final JobLedger ledger;

    WorldAudit(DemoWorld world, String production) {
        this.world = world;
        this.production = production;
        this.ledger = new JobLedger(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC());
    }

    /**
     * The ledger, then the queue, then the history. No pass runs while the audit reads, so the
     * ledger stands still; a job can only move from the queue into the history, and reading the
     * queue first means it is seen in one of the two.
     */
    record Snapshot(List<LedgerJob> ledger, List<BatchJob> queue, List<BatchJob> history, Instant readAt) {

        List<BatchJob> everyJob() {
            return Stream.concat(queue.stream(), history.stream()).toList();
        }

        Map<JobKey, LedgerJob> rowsByKey() {
            return ledger.stream().collect(Collectors.toMap(row -> row.key().job(), Function.identity()));
        }
    }

    Snapshot read() throws SQLException {
        List<LedgerJob> rows = new ArrayList<>();
        ledger.jobs(production, EnumSet.allOf(LedgerState.class), rows::add);
        QueueSnapshot queue = world.batch().query(production);
        QueueSnapshot history = world.batch().history(Selection.production(production), Integer.MAX_VALUE);
        if (!queue.isKnown() || !history.isKnown()) {
            throw new IllegalStateException("the local executor must answer; it plays the pool that outlives the operator");
        }
        return new Snapshot(rows, queue.jobs(), history.jobs(), Instant.now());
    }

    /** No key has two jobs in the batch system at once: not now, and not at any time so far. */
    static List<String> duplicates(Snapshot s) {
        List<String> problems = new ArrayList<>();
        Map<JobKey, List<BatchJob>> live = new HashMap<>();
        s.queue().stream().filter(BatchJob::isLive)
                .forEach(j -> live.computeIfAbsent(j.key().orElseThrow(), k -> new ArrayList<>()).add(j));
        live.forEach((key, jobs) -> {
            if (jobs.size() > 1) {
                problems.add("key " + key + " has " + jobs.size() + " live jobs in the queue: " + jobs);
            }
        });
        long overlapping = DuplicateCheck.count(s.everyJob(), s.readAt());
        if (overlapping != 0) {
            problems.add(overlapping + " job(s) in the queue and history overlapped another job of the same key");
        }
        return problems;
    }

    /**
     * The ledger and the queue tell the same story: a row the ledger believes queued has its own
     * job in the batch system (live, or completed and waiting for the harvest), and every live job
     * of the production is the job of a live row.
     */
    static List<String> ledgerAgreesWithQueue(Snapshot s) {
        List<String> problems = new ArrayList<>();
        Map<BatchJobId, BatchJob> byId = new HashMap<>();
        s.everyJob().forEach(j -> byId.putIfAbsent(j.id(), j));
        for (LedgerJob row : s.ledger()) {
            if (!row.state().isSubmitted()) {
                continue;
            }
            BatchJob job = LedgerRows.batchJob(row).map(byId::get).orElse(null);
            if (job == null) {
                problems.add("ledger row " + row.key().job() + " is " + row.state() + " as "
                        + LedgerRows.batchJob(row).map(Object::toString).orElse("(no batch id)")
                        + ", which is in neither the queue nor its history");
            } else if (!job.key().map(row.key().job()::equals).orElse(false)
                    || !(job.isLive() || job.state() == BatchState.COMPLETED)) {
                problems.add("ledger row " + row.key().job() + " is " + row.state() + " as " + job.id()
                        + ", but the batch system has " + job);
            }
        }
        Map<JobKey, LedgerJob> rows = s.rowsByKey();
        for (BatchJob job : s.queue()) {
            if (!job.isLive()) {
                continue;
            }
            LedgerJob row = rows.get(job.key().orElseThrow());
            if (row == null) {
                problems.add("live job " + job + " has no ledger row");
            } else if (!row.state().isSubmitted() || !LedgerRows.batchJob(row).map(job.id()::equals).orElse(false)) {
                problems.add("live job " + job + " is not the job of its ledger row, which is " + row.state() + " as "
                        + LedgerRows.batchJob(row).map(Object::toString).orElse("(no batch id)"));
            }
        }
        return problems;
    }

    /** Every FileCatalog row points at a file that is there. */
    List<String> catalogRowsWithoutFile() throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Path> file : cataloguedFiles().entrySet()) {
            if (!Files.isRegularFile(file.getValue())) {
                problems.add("FileCatalog row " + file.getKey() + " points at " + file.getValue() + ", which is not there");
            }
        }
        return problems;
    }

    /** Every DST in the final tree is catalogued: once the world has settled, nothing is left half harvested. */
    List<String> filesWithoutCatalogRow() throws SQLException {
        Set<Path> catalogued = new HashSet<>(cataloguedFiles().values());
        Path dstRoot = world.settings().layout().dstRoot();
        if (!Files.isDirectory(dstRoot)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dstRoot)) {
            return walk.filter(Files::isRegularFile).map(Path::toAbsolutePath).filter(p -> !catalogued.contains(p))
                    .map(p -> p + " is in the final tree but not in the FileCatalog").toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every job that ran to success is harvested: its ledger row is finished and names that very
     * job, and the manifest that job wrote is still next to its logs.
     */
    List<String> successfulJobsHarvested(Snapshot s, Production spec) {
        List<String> problems = new ArrayList<>();
        Map<JobKey, LedgerJob> rows = s.rowsByKey();
        for (BatchJob job : s.history()) {
            if (job.state() != BatchState.COMPLETED || job.exitCode().orElse(-1) != 0) {
                continue;
            }
            LedgerJob row = rows.get(job.key().orElseThrow());
            if (row == null || row.state() != LedgerState.SUCCEEDED
                    || !LedgerRows.batchJob(row).map(job.id()::equals).orElse(false)) {
                problems.add("job " + job + " succeeded but its ledger row is "
                        + (row == null ? "missing" : row.state() + " as " + LedgerRows.batchJob(row).orElse(null)));
                continue;
            }
            Path manifest = manifestOf(spec, row);
            try {
                if (!Files.isRegularFile(manifest)) {
                    problems.add("job " + job + " was harvested but its manifest " + manifest + " is gone");
                } else if (!Manifest.read(manifest).batchId().equals(job.id().cluster() + "." + job.id().proc())) {
                    problems.add("the manifest next to the logs of " + job + " is another job's");
                }
            } catch (IOException e) {
                problems.add("the manifest " + manifest + " of " + job + " cannot be read: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The keys the catalogs say are ready: what the production must end up having made, each once. */
    Set<JobKey> readyKeys(DesiredAtRevision desired) throws SQLException {
        Production spec = desired.spec(production).orElseThrow();
        Set<JobKey> keys = new TreeSet<>();
        Readiness.of(world.catalogs()).find(ReadinessRequests.forProduction(spec, desired.catalogue()), c -> {
            keys.add(JobKey.ofLeaf(production, c.run(), c.segment(), c.leaf()));
            return true;
        });
        return keys;
    }

    /** The production's DSTs in the FileCatalog, by its dataset and tag. */
    long datasetRows(Production spec) throws SQLException {
        try (Connection c = world.catalogs().fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM datasets WHERE dataset = ? AND tag = ?")) {
            s.setString(1, spec.rule().params().dataset());
            s.setString(2, spec.rule().params().tag().toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<String, Path> cataloguedFiles() throws SQLException {
        Map<String, Path> files = new HashMap<>();
        try (Connection c = world.catalogs().fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT lfn, full_file_path FROM files");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                files.put(rs.getString(1), Path.of(rs.getString(2)).toAbsolutePath());
            }
        }
        return files;
    }

    private Path manifestOf(Production spec, LedgerJob row) {
        var output = row.key().output();
        return new JobFiles(world.settings().layout().logDirectory(output, spec.rule().params().physicsmode()),
                output.stem()).manifest();
    }
}
