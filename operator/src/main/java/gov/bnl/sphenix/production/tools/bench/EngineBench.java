package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.Health;
import gov.bnl.sphenix.production.batch.QueueReads;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.control.DesiredAtRevision;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.SourceReport;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.tools.seed.DaqStreams;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.seed.SeedSummary;
import gov.bnl.sphenix.production.tools.world.LocalWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A whole engine pass — queue read, harvest, observation, plan, act, ledger sync, status — over a
 * production floor ({@link EngineFloor}) in a real HTCondor pool and an embedded PostgreSQL: a
 * seeded catalog, productions declared in a specs repository, tens of thousands of their jobs queued
 * (never starting), and a ledger holding their rows and a long finished history.
 *
 * <p>Each measurement starts with new work, the same each time: a few productions have ready keys to
 * submit, some jobs have just finished, some were removed by hand, some were put on hold. The pass
 * that takes it up is timed, then two passes without new work. It is measured over a small finished
 * history and again once the history is large, in the same run, so the ratio says whether a pass
 * grows with the history or with the work. Every job of the floor is removed at the end.
 */
public final class EngineBench {

    private static final int STEADY_PASSES = 2;
    /** How long new work may take to settle in the pool (jobs run to their end, removed ones leave). */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Function<Path, BatchSystem> batchFactory;
    private final Path specsDirectory;
    private final Path workDirectory;
    private final PrintWriter out;

    /**
     * @param batchFactory   the pool's adapter, given the directory jobs may write in
     * @param specsDirectory the project's {@code production-specs/} (rules and product catalogue)
     * @param workDirectory  a directory the pool's schedd can write job logs in
     */
    public EngineBench(Function<Path, BatchSystem> batchFactory, Path specsDirectory, Path workDirectory,
                       PrintWriter out) {
        this.batchFactory = batchFactory;
        this.specsDirectory = specsDirectory;
        this.workDirectory = workDirectory;
        this.out = out;
    }

    /** Runs the benchmark on {@code floor}; empty, with a skip line, when no pool answers. */
    public Optional<EngineBenchResult> run(EngineFloor floor) throws IOException, SQLException, InterruptedException {
        try (ScratchDirectory scratch = ScratchDirectory.in(workDirectory, "bench-engine-")) {
            Path root = scratch.path();
            // the pool's tools and jobs run as users of their own: they must reach the job directories below
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            PlannerSettings planner = PlannerSettings.DEFAULTS.withGlobalQueueBudget(floor.queuedJobs() * 2);
            try (LocalWorld world = LocalWorld.create(root.resolve("world"),
                    data -> EngineSettings.under(data, root.resolve("payloads")).withPlanner(planner), batchFactory)) {
                LocalPool.openToPoolJobs(root.resolve("world"));
                Health health = world.batch().health();
                if (!health.reachable()) {
                    out.println("engine: skipped — no HTCondor pool answers (" + health.detail()
                            + "); start one with scripts/minicondor.sh up");
                    out.flush();
                    return Optional.empty();
                }
                return Optional.of(measure(world, floor, root));
            }
        }
    }

    private EngineBenchResult measure(LocalWorld world, EngineFloor floor, Path root)
            throws IOException, SQLException, InterruptedException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        SeedSummary seeded = world.seed(new SeedSpec(floor.seed(), floor.runs(), SeedSpec.FIRST_RUN, floor.rawFiles(),
                SeedSpec.START), DaqStreams.SPHENIX);
        out.printf(Locale.ROOT, "engine: catalog seeded in %.1f s: %d runs %d-%d, %d raw files%n",
                (System.nanoTime() - started) / 1e9, seeded.runs(), seeded.firstRun(), seeded.lastRun(), seeded.rawFiles());
        out.flush();
        FloorLayout layout = new FloorLayout(floor, "bench-" + id, seeded.firstRun(), seeded.lastRun());
        world.specs().importRulesAndCatalogue(specsDirectory);
        for (int i = 0; i < floor.productions(); i++) {
            world.specs().write("productions/bench/" + layout.name(i) + ".yaml", layout.spec(i));
        }
        world.specs().commitAndPush("Declare the engine benchmark's " + floor.productions() + " productions");
        Engine engine = world.startEngine();
        SourceReport applied = engine.refresh();
        if (applied.applied().isEmpty()) {
            throw new IllegalStateException("the benchmark's specs were not applied: " + applied);
        }
        DesiredAtRevision desired = engine.desired().orElseThrow();
        List<Production> productions = desired.all().stream().sorted(Comparator.comparing(Production::name)).toList();
        FloorQueue queue = new FloorQueue(world.batch(), root.resolve("world/data/log/bench"));
        FloorLedger ledger = new FloorLedger(world.catalogs().ledger());
        List<String> names = productions.stream().map(Production::name).toList();
        try {
            FloorJobs jobs = fill(world, desired, productions, layout, queue, ledger);
            // class loading, the JIT and the first statuses are not what a running operator pays each pass
            engine.pass();
            engine.pass();
            Phase small = phase("small history", 0, engine, world, jobs, queue, ledger);
            started = System.nanoTime();
            for (int i = 0; i < productions.size(); i++) {
                ledger.write(layout.history(productions.get(i), floor.smallHistory() / floor.productions(),
                        floor.largeHistory() / floor.productions()));
            }
            ledger.settle();
            out.printf(Locale.ROOT, "engine: history grown to %d ledger rows in %.1f s (vacuumed)%n", ledger.rows(),
                    (System.nanoTime() - started) / 1e9);
            engine.pass();
            Phase large = phase("large history", 1, engine, world, jobs, queue, ledger);
            double newWork = (double) large.withWork().millis() / Math.max(1, small.withWork().millis());
            double steady = (double) large.steadyMillis() / Math.max(1, small.steadyMillis());
            out.printf(Locale.ROOT, "engine: large over small history (same run): %.2f with new work, %.2f without"
                    + " (%d vs %d ledger rows)%n", newWork, steady, large.ledgerRows(), small.ledgerRows());
            EngineBenchResult result = new EngineBenchResult(large.withWork(), productions.size(), large.ledgerRows(),
                    jobs.queued().size(), newWork, steady, names);
            out.println(result.line());
            out.flush();
            return result;
        } finally {
            queue.removeAll(names);
        }
    }

    /** Queues the floor's jobs and writes its ledger: queued jobs and old history under earlier runs, ready keys done. */
    private FloorJobs fill(LocalWorld world, DesiredAtRevision desired, List<Production> productions, FloorLayout layout,
                           FloorQueue queue, FloorLedger ledger) throws SQLException {
        long started = System.nanoTime();
        Readiness readiness = Readiness.of(world.catalogs());
        List<List<JobKey>> ready = new ArrayList<>();
        List<BatchJobId> queued = new ArrayList<>();
        Instant now = Instant.now();
        for (Production p : productions) {
            List<JobKey> keys = new ArrayList<>();
            readiness.find(ReadinessRequests.forProduction(p, desired.catalogue()),
                    c -> keys.add(JobKey.ofLeaf(p.name(), c.run(), c.segment(), c.leaf())));
            keys.sort(Comparator.naturalOrder());
            ready.add(keys);
            List<JobKey> queuedKeys = layout.earlyKeys(layout.index(p.name()), 0, layout.floor().queuedPerProduction());
            String token = "bench-q-" + p.name();
            List<BatchJobId> ids = queue.queue(queuedKeys, p.namespace(), token);
            queued.addAll(ids);
            List<FloorLedger.Row> rows = new ArrayList<>();
            for (int k = 0; k < queuedKeys.size(); k++) {
                rows.add(new FloorLedger.Row(queuedKeys.get(k), p.namespace(), LedgerState.QUEUED, Optional.of(ids.get(k)),
                        token, now.minus(Duration.ofHours(1 + k % 47))));
            }
            for (JobKey key : keys) {
                rows.add(new FloorLedger.Row(key, p.namespace(), LedgerState.SUCCEEDED, Optional.empty(), "bench-done",
                        now.minus(Duration.ofDays(2))));
            }
            ledger.write(rows);
            ledger.write(layout.history(p, 0, layout.floor().smallHistory() / layout.floor().productions()));
        }
        ledger.settle();
        out.printf(Locale.ROOT, "engine: floor filled in %.1f s: %d productions, %d ready keys (all done), %d jobs queued,"
                        + " %d ledger rows%n", (System.nanoTime() - started) / 1e9, productions.size(),
                ready.stream().mapToLong(List::size).sum(), queued.size(), ledger.rows());
        out.flush();
        return new FloorJobs(productions, ready, queued, layout);
    }

    /** What a measurement found: the pass with new work and the median of the passes without. */
    private record Phase(EnginePass withWork, long steadyMillis, long ledgerRows) {
    }

    private Phase phase(String name, int round, Engine engine, LocalWorld world, FloorJobs jobs, FloorQueue queue,
                        FloorLedger ledger) throws SQLException, InterruptedException {
        out.println("engine: " + name + ": " + jobs.newWork(round, queue, ledger, PATIENCE));
        long rows = ledger.rows();
        EnginePass withWork = timed(name + ", new work", engine, world.batch());
        List<Long> steady = new ArrayList<>();
        for (int i = 0; i < STEADY_PASSES; i++) {
            steady.add(timed(name + ", steady " + (i + 1), engine, world.batch()).millis());
        }
        steady.sort(Comparator.naturalOrder());
        return new Phase(withWork, steady.get(steady.size() / 2), rows);
    }

    private EnginePass timed(String name, Engine engine, BatchSystem batch) throws SQLException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        QueueReads before = batch.reads();
        long start = System.nanoTime();
        PassReport report = engine.pass();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peakMb = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        EnginePass pass = EnginePass.of(name, millis, peakMb, batch.reads().since(before), report);
        out.println("engine: " + pass.describe());
        report.errors().stream().limit(3).forEach(e -> out.println("engine:   error: " + e));
        out.flush();
        return pass;
    }
}
