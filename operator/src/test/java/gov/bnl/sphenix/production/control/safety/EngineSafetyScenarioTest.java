package gov.bnl.sphenix.production.control.safety;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.LocalWorlds;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.Passes;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine end to end on this machine, told as what must never happen: deleting what is not the
 * operator's own, and one bad job stopping the others.
 */
class EngineSafetyScenarioTest {

    private static final String STREAMING = "demo-streaming";
    private static final String EVEN = "even-streaming";
    private static final String ODD = "odd-streaming";
    private static final String CLUSTER = "demo-cluster";
    private static final String DEMO_RUNS = "range: [66040, 66098]";

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

    /**
     * Two productions share one output namespace over disjoint runs (the even and the odd ones),
     * which validation allows. Reverting one with policy kill-and-delete-outputs deletes exactly what
     * that production made: never the other's files and rows, never a file catalogued before it.
     */
    @Test
    void revertingOneOfTwoProductionsInANamespaceDeletesOnlyItsOwnOutputs() throws Exception {
        List<Integer> even = new ArrayList<>();
        List<Integer> odd = new ArrayList<>();
        for (int run = world.seeded().firstRun(); run <= world.seeded().lastRun(); run++) {
            (run % 2 == 0 ? even : odd).add(run);
        }
        world.specs().write(DemoWorld.PRODUCTIONS + "even.yaml", streaming(EVEN, even));
        world.specs().commitAndPush("Merge pull request #1: even runs");
        world.specs().write(DemoWorld.PRODUCTIONS + "odd.yaml", streaming(ODD, odd));
        RevCommit oddCommit = world.specs().commitAndPush("Merge pull request #2: odd runs");
        Path older = catalogueAnOlderFile(odd.get(odd.size() - 1), "mvtx5");

        passUntil(r -> complete(r, EVEN) && complete(r, ODD), Duration.ofMinutes(3));
        List<String> evenFiles = streams(even);
        List<String> oddFiles = streams(odd);
        List<LedgerJob> evenRows = LocalWorlds.ledgerRows(world, EVEN);
        assertThat(evenFiles).isNotEmpty();
        assertThat(oddFiles).hasSizeGreaterThan(1).contains(older.toString());

        world.specs().revertAndPush(oddCommit);
        passUntil(r -> r.status(ODD).isEmpty(), Duration.ofMinutes(1));

        assertThat(streams(even)).as("the other production's catalogued files")
                .containsExactlyInAnyOrderElementsOf(evenFiles);
        assertThat(evenFiles).allSatisfy(f -> assertThat(Path.of(f)).exists());
        assertThat(LocalWorlds.ledgerRows(world, EVEN)).as("the other production's ledger rows").isEqualTo(evenRows);
        assertThat(streams(odd)).as("only the file that predates the reverted production is left")
                .containsExactly(older.toString());
        assertThat(older).exists();
        oddFiles.stream().filter(f -> !f.equals(older.toString()))
                .forEach(f -> assertThat(Path.of(f)).as("deleted output of the reverted production").doesNotExist());
    }

    /**
     * Clustering reads the built streams. Its jobs are held in the queue when it is removed with
     * policy keep, and event building is removed with kill-and-delete-outputs: the streams those
     * held jobs were submitted to read stay, although no spec selects their runs any more; the
     * others go.
     */
    @Test
    void aJobStillInTheQueueKeepsItsInputsWhenNoSpecSelectsItsRunAnyMore() throws Exception {
        world.specs().write(DemoWorld.PRODUCTIONS + "streaming.yaml", production(STREAMING,
                "Full_STREAMING_EVENT_run3physics", DEMO_RUNS, "kill-and-delete-outputs", 40));
        world.specs().commitAndPush("Merge pull request #1: event building");
        passUntil(r -> complete(r, STREAMING), Duration.ofMinutes(3));
        world.specs().write(DemoWorld.PRODUCTIONS + "cluster.yaml", production(CLUSTER,
                "Full_TRKR_CLUSTER_run3physics", DEMO_RUNS, "keep", 1));
        world.specs().commitAndPush("Merge pull request #2: clustering");
        passUntil(r -> r.status(CLUSTER).map(s -> s.submittingOrQueued() > 0).orElse(false), Duration.ofMinutes(1));
        world.batch().hold(Selection.production(CLUSTER), "held by the shift to look at it");
        List<Integer> readRuns = world.batch().query(CLUSTER).jobs().stream().filter(BatchJob::isLive)
                .map(j -> j.key().orElseThrow().run()).distinct().toList();
        List<String> allStreams = streams(List.of());

        Files.delete(world.specs().workingCopy().resolve(DemoWorld.PRODUCTIONS + "cluster.yaml"));
        Files.delete(world.specs().workingCopy().resolve(DemoWorld.PRODUCTIONS + "streaming.yaml"));
        world.specs().commitAndPush("Revert event building and clustering");
        // the removal stays open while a held job reads its outputs: wait for what it could delete
        PassReport deleted = passUntil(r -> r.activity(STREAMING).outputsDeleted() > 0, Duration.ofMinutes(1));
        PassReport blocked = engine.pass();

        assertThat(readRuns).isNotEmpty();
        assertThat(world.batch().query(CLUSTER).jobs()).as("clustering's jobs, kept by its policy")
                .filteredOn(BatchJob::isLive).isNotEmpty();
        List<String> left = streams(List.of());
        assertThat(left).as("streams read by the held clustering jobs").isNotEmpty()
                .allSatisfy(f -> assertThat(readRuns).contains(runOf(f)));
        assertThat(allStreams.stream().filter(f -> readRuns.contains(runOf(f))).toList())
                .as("every stream of a run a held job reads").isSubsetOf(left);
        assertThat(left).hasSizeLessThan(allStreams.size());
        assertThat(blocked.events()).anyMatch(e -> e.kind() == EventKind.DELETION_BLOCKED);
        assertThat(blocked.status(STREAMING)).as("removal waits for the held jobs").isPresent();
        assertThat(deleted.errors()).isEmpty();
    }

    /**
     * A job whose submission cannot be described — the raw files of one stream catalogued at a path
     * holding a submit-language macro, {@code $(...)} — fails alone, with its reason, and every other
     * job of the production and of the pass goes on.
     */
    @Test
    void aJobThatCannotBeSubmittedFailsAloneWithItsReasonAndTheRestRuns() throws Exception {
        int poisoned = poisonTheFilesOf("mvtx0");
        world.declare("streaming", "Merge pull request #1: start event building");

        List<PassReport> passes = new ArrayList<>();
        PassReport done = passUntil(r -> {
            passes.add(r);
            return complete(r, STREAMING);
        }, Duration.ofMinutes(3));

        List<LedgerJob> rows = LocalWorlds.ledgerRows(world, STREAMING);
        List<LedgerJob> failed = rows.stream().filter(r -> r.state() == LedgerState.FAILED).toList();
        assertThat(poisoned).isPositive();
        assertThat(failed).isNotEmpty().allSatisfy(r -> assertThat(r.key().job().leaf()).isEqualTo("mvtx0"));
        assertThat(rows).filteredOn(r -> r.state() == LedgerState.SUCCEEDED).hasSizeGreaterThan(failed.size())
                .allSatisfy(r -> assertThat(r.key().job().leaf()).isNotEqualTo("mvtx0"));
        assertThat(passes).flatExtracting(PassReport::events)
                .filteredOn(e -> e.kind() == EventKind.FAILED)
                .hasSize(failed.size())
                .allSatisfy(e -> assertThat(e.message()).contains("failed before submission").contains("$("));
        assertThat(done.errors()).isEmpty();
    }

    /**
     * A production of the demo's tracking rule set over {@code runs} (a YAML run selection), MVTX
     * only, running the demo's stand-in payload in the operator's contract.
     */
    private static String production(String name, String rule, String runs, String onRemoval, int maxQueued) {
        return """
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: Production
                metadata:
                  name: %s
                spec:
                  rule:
                    ruleSet: rules/run3auau/tracking_physics_ana523_2025p007_v001.yaml
                    name: %s
                  runs:
                    %s
                  segments: first-only
                  masks: ["TPC{00..23}", TPOT, "INTT{0..7}"]
                  memory: 256 MB, 1 GB
                  contract: operator
                  limits:
                    maxQueued: %d
                    maxSubmitPerCycle: %d
                  onRemoval:
                    policy: %s
                    gracePeriod: 0s
                """.formatted(name, rule, runs, maxQueued, maxQueued, onRemoval);
    }

    private static int runOf(String path) {
        String name = Path.of(path).getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('-') - 8, name.lastIndexOf('-')));
    }

    /** Event building of the given runs, deleting its outputs when reverted. */
    private static String streaming(String name, List<Integer> runs) {
        return production(name, "Full_STREAMING_EVENT_run3physics", "list: " + runs, "kill-and-delete-outputs", 40);
    }

    /** A DST that the old system made before either production existed, in the late production's runs. */
    private Path catalogueAnOlderFile(int run, String leaf) throws Exception {
        OutputFile file = new OutputFile("DST_STREAMING_EVENT", Optional.of(leaf), "run3auau",
                Tag.parse("ana523_nocdbtag_v001"), run, 0);
        Path path = world.settings().layout().dstPath(file, "physics");
        Files.createDirectories(path.getParent());
        Files.writeString(path, "made by the old system");
        new BulkRegistrar(world.catalogs().fileCatalog(), world.catalogs().retry(), Clock.systemUTC(),
                BulkRegistrar.DEFAULT_BATCH).register(List.of(new CatalogedOutput(file, "lustre", path.toString(),
                Files.size(path), "0123456789abcdef0123456789abcdef", 100, 0, 99)));
        return path;
    }

    /** Re-catalogues every raw file of one stream at a path that no submit description may carry. */
    private int poisonTheFilesOf(String daqhost) throws SQLException {
        try (Connection c = world.catalogs().rawdata().getConnection();
             PreparedStatement poison = c.prepareStatement("""
                     UPDATE files SET full_file_path = '/sphenix/lustre/$(Owner)/' || lfn
                      WHERE lfn IN (SELECT filename FROM datasets WHERE daqhost = ?)""")) {
            poison.setString(1, daqhost);
            return poison.executeUpdate();
        }
    }

    private static boolean complete(PassReport report, String production) {
        return report.status(production).map(s -> s.state() == ProductionStanding.State.COMPLETE).orElse(false);
    }

    /** Catalogued copies of the built streams, by path: of every run, or of the runs given. */
    private List<String> streams(List<Integer> runs) throws SQLException {
        List<String> paths = new ArrayList<>();
        try (Connection c = world.catalogs().fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT f.full_file_path FROM files f JOIN datasets d ON d.filename = f.lfn
                      WHERE d.dsttype LIKE 'DST_STREAMING_EVENT_%' AND (cardinality(?) = 0 OR d.runnumber = ANY (?))
                      ORDER BY 1""")) {
            java.sql.Array wanted = c.createArrayOf("integer", runs.toArray());
            s.setArray(1, wanted);
            s.setArray(2, wanted);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    paths.add(rs.getString(1));
                }
            }
        }
        return paths;
    }

    private PassReport passUntil(Predicate<PassReport> done, Duration timeout) {
        return Passes.until(engine, done, timeout, Duration.ofMillis(500));
    }
}
