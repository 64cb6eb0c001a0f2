package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.tools.demo.BrokenCommits;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.tools.demo.BrokenCommits;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine end to end on this machine: embedded PostgreSQL, a real git repository, the local
 * executor running real jobs. Each test tells one story of the production team and checks the
 * queue, the ledger and the catalog afterwards.
 */
class EngineScenarioTest {

    private static final String STREAMING = "demo-streaming";

    @TempDir
    Path dir;

    private DemoWorld world;
    private Engine engine;

    @BeforeEach
    void buildWorld() throws Exception {
        world = LocalWorlds.create(dir.resolve("world"));
        engine = world.startEngine();
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    @Test
    void aMergedProductionRunsToCompletionAndEveryOutputIsCataloguedAndInPlace() throws Exception {
        world.declare("streaming", "Merge pull request #1: start event building");

        passUntil(r -> runningInLedger() > 0, Duration.ofMinutes(1));
        PassReport last = passUntil(r -> r.status(STREAMING).map(s -> s.state() == ProductionStanding.State.COMPLETE)
                .orElse(false), Duration.ofMinutes(3));

        ProductionStanding status = last.status(STREAMING).orElseThrow();
        List<LedgerJob> rows = ledgerRows(STREAMING);
        assertThat(rows).isNotEmpty().allMatch(r -> r.state() == LedgerState.SUCCEEDED);
        assertThat(status.count(Tally.SUCCEEDED)).isEqualTo(rows.size());
        assertThat(status.outputsRegistered()).isEqualTo(rows.size());
        assertThat(status.eventsProduced()).isPositive();
        assertThat(CatalogFiles.missingOnDisk(world.catalogs().fileCatalog())).isEmpty();
        assertThat(CatalogFiles.count(world.catalogs().fileCatalog())).isEqualTo(rows.size());
        assertThat(everyJob()).as("one batch job per key unless a hold made it go again")
                .extracting(j -> j.key().orElseThrow()).doesNotHaveDuplicates();
    }

    @Test
    void aBrokenCommitKeepsTheLastGoodRevisionAndLeavesRunningProductionsUntouched() throws Exception {
        RevCommit good = world.declare("streaming", "Merge pull request #1: start event building");
        passUntil(r -> r.status(STREAMING).map(s -> s.submittingOrQueued() + s.count(Tally.RUNNING) > 0).orElse(false),
                Duration.ofMinutes(1));
        BrokenCommits.commitTypo(world);

        SourceReport report = engine.refresh();
        PassReport pass = engine.pass();

        assertThat(report.ready()).isFalse();
        assertThat(report.applied().orElseThrow().commitId()).isEqualTo(good.getName());
        assertThat(report.rejected()).isNotEmpty();
        assertThat(report.rejected().get(0).toString()).contains(BrokenCommits.WHERE);
        assertThat(pass.events()).noneMatch(e -> e.kind() == EventKind.KILLED);
        assertThat(registry().find(STREAMING).orElseThrow().state()).isEqualTo(ProductionState.ACTIVE);
        assertThat(pass.status(STREAMING).orElseThrow().state()).isIn(ProductionStanding.State.PROGRESSING,
                ProductionStanding.State.COMPLETE);
    }

    @Test
    void aForcePushedBranchMakesTheNewHeadTheDesiredState() throws Exception {
        RevCommit streaming = world.declare("streaming", "Merge pull request #1: start event building");
        engine.refresh();
        engine.pass();
        world.declare("cluster", "Merge pull request #2: start clustering");
        assertThat(engine.refresh().changes().added()).extracting(p -> p.name()).containsExactly("demo-cluster");

        world.specs().resetAndForcePush(streaming);
        SourceReport report = engine.refresh();
        engine.pass();

        assertThat(report.applied().orElseThrow().commitId()).isEqualTo(streaming.getName());
        assertThat(report.changes().removed()).extracting(p -> p.name()).containsExactly("demo-cluster");
        assertThat(registry().find("demo-cluster").orElseThrow().state())
                .isIn(ProductionState.REMOVING, ProductionState.REMOVED);
        assertThat(registry().find(STREAMING).orElseThrow().state()).isEqualTo(ProductionState.ACTIVE);
    }

    @Test
    void aRevertKillsTheProductionsJobsAndItsRemovalCompletes() throws Exception {
        RevCommit start = world.declare("streaming", "Merge pull request #1: start event building");
        passUntil(r -> r.status(STREAMING).map(s -> s.submittingOrQueued() + s.count(Tally.RUNNING) >= 2).orElse(false),
                Duration.ofMinutes(1));

        String revertId = world.specs().revertAndPush(start).getName().substring(0, 7);
        engine.refresh();
        PassReport revert = engine.pass();
        PassReport after = passUntil(r -> r.status(STREAMING).isEmpty(), Duration.ofMinutes(1));

        assertThat(revert.activity(STREAMING).killedByRemoval()).isPositive();
        assertThat(revert.events()).anyMatch(e -> e.kind() == EventKind.KILLED
                && e.message().contains("production removed in " + revertId));
        assertThat(world.batch().query(STREAMING).jobs()).noneMatch(BatchJob::isLive);
        assertThat(ledgerRows(STREAMING)).noneMatch(r -> r.state().isLive());
        assertThat(registry().find(STREAMING).orElseThrow().state()).isEqualTo(ProductionState.REMOVED);
        assertThat(after.errors()).isEmpty();
    }


    @Test
    void resourcesReconciledTogetherShareOnePassOverAllProductions() throws Exception {
        world.declare("streaming", "Merge pull request #1: start event building");
        world.declare("cluster", "Merge pull request #2: start clustering");
        engine.refresh();

        PassReport first = engine.recentPass(Duration.ofMinutes(1));
        PassReport again = engine.recentPass(Duration.ofMinutes(1));
        PassReport fresh = engine.recentPass(Duration.ZERO);

        assertThat(first.sequence()).isPositive();
        assertThat(again).isSameAs(first);
        assertThat(fresh.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(first.statuses()).extracting(ProductionStanding::production)
                .containsExactlyInAnyOrder(STREAMING, "demo-cluster");
    }

    private PassReport passUntil(Predicate<PassReport> done, Duration timeout) {
        return Passes.until(engine, done, timeout, Duration.ofMillis(500));
    }

    /** The ledger follows the queue: a job the pool runs is running in the ledger after the next pass. */
    private long runningInLedger() {
        try {
            return ledgerRows(STREAMING).stream().filter(r -> r.state() == LedgerState.RUNNING && r.startedAt().isPresent())
                    .count();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<LedgerJob> ledgerRows(String production) throws SQLException {
        return LocalWorlds.ledgerRows(world, production);
    }

    private ProductionRegistry registry() {
        return new ProductionRegistry(world.catalogs().ledger(), world.catalogs().retry());
    }

    private List<BatchJob> everyJob() {
        List<BatchJob> jobs = new ArrayList<>(world.batch().query(STREAMING).jobs());
        jobs.addAll(world.batch().history(Selection.production(STREAMING), 10_000).jobs());
        return jobs;
    }
}
