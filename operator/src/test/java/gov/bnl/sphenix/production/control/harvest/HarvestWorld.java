package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.catalog.ledger.NewJob;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.control.CatalogPorts;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The world the harvest tests share: the demo's embedded catalogs and specs, the streaming
 * combiner production (DST_STREAMING_EVENT, one job per run and host, here run 66052 and host
 * mvtx0) recorded active, and its jobs submitted into the ledger as the executor would.
 */
final class HarvestWorld implements AutoCloseable {

    static final int RUN = 66052;
    static final String LEAF = "mvtx0";

    final DemoWorld world;
    final Production streaming;
    final JobTransitions transitions;

    HarvestWorld(Path dir) throws Exception {
        world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7,
                data -> new LocalExecutor(LocalSettings.defaults()));
        world.declare("streaming", "Merge pull request #1");
        streaming = SpecLoader.load(new DirectoryTree(world.specs().workingCopy())).repository().orElseThrow()
                .production("demo-streaming").orElseThrow();
        new ProductionRegistry(world.catalogs().ledger(), world.catalogs().retry()).record(new ProductionRecord(
                streaming.name(), streaming.specHash(), "r1", ProductionState.ACTIVE, Instant.now()));
        transitions = new JobTransitions(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC());
    }

    EngineSettings settings() {
        return world.settings();
    }

    /** The catalog ports the engine's assembly builds. */
    CatalogPorts ports(EngineSettings settings) {
        return EngineAssembly.ports(world.catalogs(), settings, Clock.systemUTC());
    }

    /** The job of {@code segment} taken and submitted as batch job {@code cluster}.0 (a key done before: its next attempt). */
    LedgerJob submit(int segment, long cluster) throws Exception {
        return submit(segment, cluster, "btoken" + segment + "-" + cluster);
    }

    /** The same under a batch token of the test's choosing (an adopted job's carries sphenixprod's id). */
    LedgerJob submit(int segment, long cluster, String token) throws Exception {
        LedgerJob taken = transitions.takeForSubmission(List.of(new NewJob(LedgerKey.of(streaming,
                JobKey.ofLeaf(streaming.name(), RUN, segment, LEAF)), 0,
                256, "r1", "", List.of())), token).get(0);
        transitions.recordSubmitted(token, List.of(new JobTransitions.SubmittedRow(taken.id(), cluster, 0)));
        return reload(taken);
    }

    /** Every given job completed well a moment ago. */
    BatchQueue completed(LedgerJob... rows) {
        return BatchQueue.of(Arrays.stream(rows)
                .map(r -> queueJob(r, BatchState.COMPLETED, Instant.now(), 0)).toList());
    }

    BatchJob queueJob(LedgerJob r, BatchState state, Instant since, int exitCode) {
        return new BatchJob(new BatchJobId(r.clusterId().getAsLong(), 0),
                Optional.of(JobKey.ofLeaf(streaming.name(), RUN, r.key().job().segment(), LEAF)),
                r.batchToken(), "", state, Optional.empty(), 256, OptionalInt.empty(), 1, Optional.of(since),
                Optional.of(since), Optional.of(since),
                state == BatchState.COMPLETED ? OptionalInt.of(exitCode) : OptionalInt.empty());
    }

    /** The md5 the FileCatalog holds for {@code lfn}, or null. */
    String catalogued(String lfn) throws Exception {
        try (Connection c = world.catalogs().fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT md5 FROM files WHERE lfn = ?")) {
            s.setString(1, lfn);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    LedgerState state(LedgerJob r) throws Exception {
        return reload(r).state();
    }

    LedgerJob reload(LedgerJob r) throws Exception {
        List<LedgerJob> rows = new ArrayList<>();
        new JobLedger(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC())
                .jobs(streaming.name(), EnumSet.allOf(LedgerState.class), rows::add);
        return rows.stream().filter(x -> x.id() == r.id()).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        world.close();
    }
}
