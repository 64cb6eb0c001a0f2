package gov.bnl.sphenix.production.control.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.tools.chaos.ChaosAudit;
import gov.bnl.sphenix.production.tools.chaos.ChaosFindings;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final tree's file system fills up while the harvest moves outputs into it: a real tmpfs of
 * 512 kB (the DST and histogram trees), staging on another file system, so that every move is a
 * copy that can meet ENOSPC. Nothing may be lost or half registered — no catalogue row without its
 * whole file, no hidden half copy, no ledger row closed whose outputs are not catalogued, every
 * unharvested job's DST still whole in staging or in place — the production must say so in its
 * status in words a shift reads, and once there is space again it must finish as if nothing
 * happened.
 */
class HarvestOnAFullDiskTest {

    private static final String PRODUCTION = "demo-streaming";

    @TempDir
    Path dir;

    @Test
    void aFinalTreeThatFillsDuringHarvestLosesNothingSaysSoAndResumesWhenThereIsSpace() throws Exception {
        try (SmallFileSystem small = SmallFileSystem.mount(dir.resolve("small"), "512k");
             DemoWorld world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 6, 20250701L,
                     data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2)))) {
            EngineSettings settings = small.finalTreesOn(world.settings());
            world.declare("streaming", "Merge pull request #1: start event building");
            Engine engine = world.startEngine(CrashPoint.NONE, settings);
            assertThat(engine.refresh().applied()).isPresent();
            SpecRepository specs = ChaosAudit.specsIn(world.specs().workingCopy());
            ChaosAudit audit = new ChaosAudit(world.catalogs(), world.batch(), settings.layout().dstRoot());

            // passes until every job has ended and the harvest has met the full disk
            List<EngineEvent> events = new ArrayList<>();
            PassReport full = passUntil(engine, events, p -> !world.batch().query(PRODUCTION).jobs().stream()
                    .anyMatch(j -> j.isLive()) && p.errors().stream().anyMatch(e -> e.contains("waits for space")));

            ProductionStanding stalled = full.status(PRODUCTION).orElseThrow();
            assertThat(stalled.state()).isEqualTo(ProductionStanding.State.STALLED);
            assertThat(stalled.errors()).anySatisfy(e -> assertThat(e)
                    .startsWith("harvest of " + PRODUCTION + " waits for space: no space left in " + small.root())
                    .endsWith("outputs stay in staging until there is"));
            assertThat(events).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.HARVEST_DEFERRED);
                assertThat(e.message()).contains("no space left in " + small.root()).contains("stay in staging, whole");
            });
            List<LedgerJob> rows = rows(world);
            long succeeded = rows.stream().filter(r -> r.state() == LedgerState.SUCCEEDED).count();
            assertThat(succeeded).as("outputs that fitted before the disk was full").isPositive()
                    .isLessThan(rows.size());
            assertNothingLostOrHalfDone(world, settings, audit, specs, rows);

            // space returns: the same file system, grown
            small.grow("64m");
            PassReport done = passUntil(engine, events, p -> p.status(PRODUCTION).map(ProductionStanding::state)
                    .orElseThrow() == ProductionStanding.State.COMPLETE);

            assertThat(done.status(PRODUCTION).orElseThrow().errors()).isEmpty();
            ChaosFindings end = audit.audit(specs);
            assertThat(end.problems()).as("the world once there was space").isEmpty();
            assertThat(end.keysDone()).isEqualTo(end.keysDesired());
            assertThat(end.keysDesired()).as("the world must give the production real work").isGreaterThan(10);
            assertThat(filesUnder(settings.stagingRoot())).as("staged outputs left behind").isEmpty();
            assertThat(filesUnder(small.root())).as("hidden half copies")
                    .noneMatch(p -> p.getFileName().toString().endsWith(OutputMove.COPY_SUFFIX));
        }
    }

    /**
     * While the disk is full: every catalogued file is there, whole; no hidden half copy; no row
     * closed without its catalogued DST; the DST of every other job whole in staging or in place.
     */
    private static void assertNothingLostOrHalfDone(DemoWorld world, EngineSettings settings, ChaosAudit audit,
                                                    SpecRepository specs, List<LedgerJob> rows) throws Exception {
        ChaosFindings findings = audit.audit(specs);
        assertThat(findings.duplicates()).isEmpty();
        assertThat(findings.orphans()).isEmpty();
        assertThat(findings.lostOutputs()).as("catalogue rows without their file")
                .noneMatch(p -> p.contains("which is not there"));
        assertThat(filesUnder(settings.layout().dstRoot().getParent()))
                .noneMatch(p -> p.getFileName().toString().endsWith(OutputMove.COPY_SUFFIX));
        String runtype = specs.production(PRODUCTION).orElseThrow().rule().params().physicsmode();
        for (LedgerJob row : rows) {
            JobOutputs.Expected dst = JobOutputs.of(row.key().output(), runtype, settings.stagingLayout(),
                    settings.layout()).byLfn().get(row.key().output().fileName());
            if (row.state() == LedgerState.SUCCEEDED) {
                assertThat(dst.target()).as("the DST of a harvested job").isRegularFile();
            } else {
                // not closed; queued when its job ended between two passes without being seen running
                assertThat(row.state()).as("%s while the disk is full", row.key().job())
                        .isIn(LedgerState.QUEUED, LedgerState.RUNNING);
                assertThat(Files.isRegularFile(dst.staged()) || Files.isRegularFile(dst.target()))
                        .as("the DST of %s, staged or in place", row.key().job()).isTrue();
            }
        }
        long catalogued = rows.stream().filter(r -> r.state() == LedgerState.SUCCEEDED).count();
        assertThat(findings.keysDone()).as("keys done are exactly the rows closed").isEqualTo(catalogued);
    }

    private static PassReport passUntil(Engine engine, List<EngineEvent> events,
                                        java.util.function.Predicate<PassReport> done) {
        PassReport[] last = new PassReport[1];
        polling().atMost(Duration.ofSeconds(120)).until(() -> {
            last[0] = engine.pass();
            events.addAll(last[0].events());
            return done.test(last[0]);
        });
        return last[0];
    }

    private static List<LedgerJob> rows(DemoWorld world) throws Exception {
        List<LedgerJob> rows = new ArrayList<>();
        new JobLedger(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC())
                .jobs(PRODUCTION, EnumSet.allOf(LedgerState.class), rows::add);
        return rows;
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static ConditionFactory polling() {
        return await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200));
    }
}
