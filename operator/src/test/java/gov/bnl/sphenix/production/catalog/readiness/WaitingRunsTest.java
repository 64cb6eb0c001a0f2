package gov.bnl.sphenix.production.catalog.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.testing.CatalogFixture;
import gov.bnl.sphenix.production.source.CheckedOutSpecs;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why runs wait, on the seeded synthetic catalog: every blocker the seeder makes is told for the
 * run it made it for (found here with SQL of the test's own), and "ready" is exactly the runs
 * readiness gives jobs. 59 runs of seed 7: the last one, still going, is a physics run.
 */
class WaitingRunsTest {

    private static final String TAG = "ana523_nocdbtag_v001";

    @TempDir
    static Path dir;

    private static DemoWorld world;
    private static SpecRepository specs;

    @BeforeAll
    static void buildWorld() throws Exception {
        world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 59, 7,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(1)));
        world.declare("cluster", "Declare clustering");
        world.specs().write(DemoWorld.PRODUCTIONS + "why-all.yaml", production("why-all", "[]"));
        world.specs().write(DemoWorld.PRODUCTIONS + "why-masked.yaml", production("why-masked",
                "[\"TPC{00..23}\", TPOT, \"INTT{0..7}\", \"MVTX{0..5}\"]")
                .replace("range: [66040, 66200]", "range: [66300, 66400]"));
        world.specs().commitAndPush("Every stream of every physics run, and one with every detector masked");
        try (CheckedOutSpecs checkedOut = CheckedOutSpecs.open(world.specs().workingCopy())) {
            var report = checkedOut.workingTree().report();
            assertThat(report.errors()).isEmpty();
            specs = report.repository().orElseThrow();
        }
    }

    @AfterAll
    static void closeWorld() {
        world.close();
    }

    /** Event building of every stream, every segment, of every physics run of the catalog. */
    private static String production(String name, String masks) {
        return """
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: Production
                metadata:
                  name: %s
                spec:
                  contract: operator
                  rule:
                    ruleSet: rules/run3auau/tracking_physics_ana523_2025p007_v001.yaml
                    name: Full_STREAMING_EVENT_run3physics
                  runs:
                    range: [66040, 66200]
                  segments: all
                  masks: %s
                  memory: 256 MB, 1 GB
                """.formatted(name, masks);
    }

    private static ReasonRequest request(String production) {
        Production p = specs.production(production).orElseThrow();
        return ReadinessRequests.withReasons(p, specs.catalogue());
    }

    private static Map<Integer, RunVerdict> verdicts(String production) throws SQLException {
        return WaitingRuns.of(world.catalogs()).ofRunSet(request(production)).stream()
                .collect(Collectors.toMap(RunVerdict::run, Function.identity()));
    }

    @Test
    void readyIsExactlyTheRunsReadinessGivesJobs() throws SQLException {
        Set<Integer> withJobs = new TreeSet<>();
        Readiness.of(world.catalogs()).find(request("why-all").readiness(), job -> withJobs.add(job.run()) || true);

        Map<Integer, RunVerdict> verdicts = verdicts("why-all");

        assertThat(withJobs).isNotEmpty();
        Set<Integer> ready = verdicts.values().stream().filter(v -> v.reason() == WaitReason.READY).map(RunVerdict::run)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(ready).isEqualTo(withJobs);
        assertThat(verdicts.keySet()).as("every physics run of the run set, and only those")
                .isEqualTo(new TreeSet<>(ints("SELECT runnumber FROM run WHERE runtype = 'physics'")));
    }

    @Test
    void theRunStillGoingAndTheRunsBelowTheCutsSayWhichCutAndTheValue() throws SQLException {
        Map<Integer, RunVerdict> verdicts = verdicts("why-all");
        List<Integer> going = ints("SELECT runnumber FROM run WHERE runtype = 'physics' AND ertimestamp IS NULL");
        List<Integer> tooShort = ints("""
                SELECT runnumber FROM run WHERE runtype = 'physics' AND ertimestamp IS NOT NULL
                   AND EXTRACT(EPOCH FROM ertimestamp - brtimestamp) < 300""");
        List<Integer> fewEvents = ints("""
                SELECT runnumber FROM run WHERE runtype = 'physics' AND ertimestamp IS NOT NULL AND eventsinrun < 100000""");

        assertThat(going).hasSize(1);
        assertThat(verdicts.get(going.get(0))).isEqualTo(new RunVerdict(going.get(0), WaitReason.STILL_RUNNING,
                "the run has not ended (no end time in the DAQ database)"));
        assertThat(tooShort).isNotEmpty().allSatisfy(run -> assertThat(verdicts.get(run).reason()).isEqualTo(WaitReason.BELOW_CUTS))
                .allSatisfy(run -> assertThat(verdicts.get(run).detail()).matches(".*too short: \\d+ s, the cut is 300 s.*"));
        assertThat(fewEvents).isNotEmpty().allSatisfy(run -> assertThat(verdicts.get(run).detail())
                .matches(".*too few events: \\d+, the cut is 100000.*"));
    }

    @Test
    void aHostThatWroteNothingAndAFileOnlyOnTapeAreNamed() throws SQLException {
        Map<Integer, RunVerdict> verdicts = verdicts("why-all");
        List<String> silent = strings("""
                SELECT h.runnumber || ' ' || h.hostname FROM hostinfo h JOIN run r USING (runnumber)
                 WHERE r.runtype = 'physics' AND r.ertimestamp IS NOT NULL AND r.eventsinrun >= 100000
                   AND r.ertimestamp - r.brtimestamp >= interval '300 seconds'
                   AND NOT EXISTS (SELECT 1 FROM filelist f WHERE f.runnumber = h.runnumber AND f.hostname = h.hostname)""",
                world.catalogs().daq());
        List<String> onTape = strings("SELECT runnumber || ' ' || daqhost FROM datasets WHERE status = 0",
                world.catalogs().rawdata());

        assertThat(silent).as("the seeder made a host that wrote nothing in a physics run").isNotEmpty();
        for (String runAndHost : silent) {
            RunVerdict verdict = verdicts.get(Integer.parseInt(runAndHost.split(" ")[0]));
            assertThat(verdict.reason()).isEqualTo(WaitReason.NO_FILE);
            assertThat(verdict.detail()).contains(runAndHost.split(" ")[1] + "_0 (took part, wrote nothing)");
        }
        List<RunVerdict> tape = new ArrayList<>();
        for (String runAndStream : onTape) {
            RunVerdict verdict = verdicts.get(Integer.parseInt(runAndStream.split(" ")[0]));
            if (verdict != null && verdict.reason() == WaitReason.NOT_ON_DISK) {
                assertThat(verdict.detail()).contains(runAndStream.split(" ")[1] + " (");
                tape.add(verdict);
            }
        }
        assertThat(tape).as("a physics run past the cuts with a file only on tape").isNotEmpty();
    }

    @Test
    void aRunThatEndsWaitsForTheFilesStillAtTheDaq() throws SQLException {
        int going = ints("SELECT runnumber FROM run WHERE ertimestamp IS NULL").get(0);
        List<String> lagging = strings("SELECT DISTINCT hostname FROM filelist WHERE runnumber = " + going
                + " AND NOT transferred_to_sdcc ORDER BY hostname", world.catalogs().daq());
        execute(world.catalogs().daq(), "UPDATE run SET ertimestamp = brtimestamp + interval '1 hour' WHERE runnumber = " + going);
        try {
            List<RunVerdict> verdicts = WaitingRuns.of(world.catalogs()).ofRuns(request("why-all"), going);

            assertThat(lagging).as("the seeder leaves files of the newest runs at the DAQ").isNotEmpty();
            assertThat(verdicts).singleElement().satisfies(v -> {
                assertThat(v.reason()).isEqualTo(WaitReason.NOT_TRANSFERRED);
                assertThat(v.detail()).matches(".*\\b(" + String.join("|", lagging) + ") \\(\\d+ files? at the DAQ\\).*");
            });
        } finally {
            execute(world.catalogs().daq(), "UPDATE run SET ertimestamp = NULL WHERE runnumber = " + going);
        }
    }

    @Test
    void runsAskedAboutOfAnotherTypeOrUnknownAreNotSelected() throws SQLException {
        int cosmics = ints("SELECT min(runnumber) FROM run WHERE runtype = 'cosmics'").get(0);

        List<RunVerdict> verdicts = WaitingRuns.of(world.catalogs()).ofRuns(request("why-all"), 99_999, cosmics);

        assertThat(verdicts).containsExactly(
                new RunVerdict(cosmics, WaitReason.NOT_SELECTED, "a cosmics run; the production takes physics runs"),
                new RunVerdict(99_999, WaitReason.NOT_SELECTED, "the DAQ database has no run 99999"));
    }

    @Test
    void aProductionThatMasksEveryDetectorHasEveryRunMasked() throws SQLException {
        int physics = ints("SELECT max(runnumber) FROM run WHERE runtype = 'physics' AND ertimestamp IS NOT NULL").get(0);

        List<RunVerdict> verdicts = WaitingRuns.of(world.catalogs()).ofRuns(request("why-masked"), physics);

        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(WaitReason.NOT_SELECTED);
            assertThat(v.detail()).startsWith("run " + physics + " is not in the production's runs");
        });
        ReasonRequest inRange = new ReasonRequest(request("why-masked").readiness()
                .withRuns(gov.bnl.sphenix.production.spec.RunSet.range(66040, 66200)), request("why-masked").leaves());
        assertThat(WaitingRuns.of(world.catalogs()).ofRuns(inRange, physics)).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(WaitReason.MASKED);
            assertThat(v.detail()).startsWith("every host of the product that took part is masked: ebdc00_0, ");
        });
    }

    @Test
    void aDerivedRunWaitsForTheUpstreamSegmentThatIsMissingUntilItArrives() throws SQLException {
        ReasonRequest cluster = request("demo-cluster");
        int run = WaitingRuns.of(world.catalogs()).ofRunSet(request("why-all")).stream()
                .filter(v -> v.reason() == WaitReason.READY && v.run() <= 66098).findFirst().orElseThrow().run();
        List<String> mvtx = strings("SELECT DISTINCT hostname FROM hostinfo WHERE hostname LIKE 'mvtx%' AND runnumber = "
                + run + " ORDER BY hostname", world.catalogs().daq());
        WaitingRuns waiting = WaitingRuns.of(world.catalogs());

        RunVerdict before = waiting.ofRuns(cluster, run).get(0);
        CatalogFixture fixture = new CatalogFixture(world.catalogs());
        for (String host : mvtx.subList(0, mvtx.size() - 1)) {
            fixture.output(run, 0, "DST_STREAMING_EVENT_" + host, "run3auau", TAG, 1);
        }
        try {
            RunVerdict partly = waiting.ofRuns(cluster, run).get(0);
            fixture.output(run, 0, "DST_STREAMING_EVENT_" + mvtx.get(mvtx.size() - 1), "run3auau", TAG, 1);
            RunVerdict complete = waiting.ofRuns(cluster, run).get(0);

            assertThat(mvtx).hasSizeGreaterThan(1);
            assertThat(before).isEqualTo(new RunVerdict(run, WaitReason.UPSTREAM_MISSING,
                    "no good output of DST_STREAMING_EVENT for this run yet (dataset run3auau, tag " + TAG + ")"));
            assertThat(partly).isEqualTo(new RunVerdict(run, WaitReason.UPSTREAM_MISSING, "segment 0 lacks DST_STREAMING_EVENT_"
                    + mvtx.get(mvtx.size() - 1) + " (dataset run3auau, tag " + TAG + ")"));
            assertThat(complete).isEqualTo(new RunVerdict(run, WaitReason.READY, "its inputs are in place: 1 job"));
        } finally {
            execute(world.catalogs().fileCatalog(), "DELETE FROM datasets WHERE runnumber = " + run);
        }
    }

    @Test
    void runsTheEngineFoundReadyAreNotReadAgainAndTheCountsLeaveThemOut() throws SQLException {
        Map<Integer, RunVerdict> verdicts = verdicts("why-all");
        Set<Integer> ready = verdicts.values().stream().filter(v -> v.reason() == WaitReason.READY)
                .map(RunVerdict::run).collect(Collectors.toSet());

        List<RunVerdict> known = Readiness.of(world.catalogs()).reasons(request("why-all"), ready);

        assertThat(known).filteredOn(v -> ready.contains(v.run()))
                .allSatisfy(v -> assertThat(v).isEqualTo(new RunVerdict(v.run(), WaitReason.READY, "its inputs are in place")));
        assertThat(WaitingCounts.of(known)).isEqualTo(WaitingCounts.of(verdicts.values()));
        assertThat(WaitingCounts.of(known).total()).isEqualTo(verdicts.size() - ready.size());
    }

    @Test
    void eventsProducedAreWeighedAgainstTheDaqLeafByLeafAndARunIsAsGoodAsItsWorstLeaf() throws SQLException {
        List<Integer> physics = ints("SELECT runnumber FROM run WHERE runtype = 'physics' AND eventsinrun >= 100000"
                + " AND ertimestamp IS NOT NULL ORDER BY runnumber LIMIT 2");
        int full = physics.get(0);
        int nothing = physics.get(1);
        long recorded = Long.parseLong(strings("SELECT eventsinrun FROM run WHERE runnumber = " + full,
                world.catalogs().daq()).get(0));
        // mvtx0 holds every event over two segments, mvtx1 nine tenths of them; mvtx2 sat the run out
        output(full, 0, "mvtx0", recorded / 2);
        output(full, 1, "mvtx0", recorded - recorded / 2);
        output(full, 0, "mvtx1", recorded * 9 / 10);
        try {
            List<EventsAgainstDaq.RunEvents> events = EventsAgainstDaq.of(world.catalogs()).of("run3auau", TAG,
                    List.of("DST_STREAMING_EVENT_mvtx0", "DST_STREAMING_EVENT_mvtx1", "DST_STREAMING_EVENT_mvtx2"),
                    List.of(nothing, full));

            assertThat(events).containsExactly(
                    new EventsAgainstDaq.RunEvents(full, "DST_STREAMING_EVENT_mvtx1", recorded * 9 / 10, recorded),
                    new EventsAgainstDaq.RunEvents(nothing, "DST_STREAMING_EVENT_mvtx0", 0, Long.parseLong(strings(
                            "SELECT eventsinrun FROM run WHERE runnumber = " + nothing, world.catalogs().daq()).get(0))));
            assertThat(events.get(0).ratio()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(0.001))
                    .isLessThan(EventsAgainstDaq.TODAYS_RATIO);
        } finally {
            execute(world.catalogs().fileCatalog(), "DELETE FROM datasets WHERE runnumber = " + full);
        }
    }

    /** A good streaming output of one leaf and segment holding {@code events} events. */
    private static void output(int run, int segment, String leaf, long events) throws SQLException {
        String product = "DST_STREAMING_EVENT_" + leaf;
        try (Connection c = world.catalogs().fileCatalog().getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO datasets (filename, runnumber, segment, size, dataset, dsttype, events, firstevent, lastevent, tag, status)
                VALUES (?, ?, ?, 1000, 'run3auau', ?, ?, 1, ?, ?, 1)""")) {
            s.setString(1, CatalogFixture.outputName(run, segment, product, "run3auau", TAG));
            s.setInt(2, run);
            s.setInt(3, segment);
            s.setString(4, product);
            s.setLong(5, events);
            s.setLong(6, events);
            s.setString(7, TAG);
            s.executeUpdate();
        }
    }

    private static List<Integer> ints(String sql) throws SQLException {
        return strings(sql, world.catalogs().daq()).stream().map(Integer::parseInt).toList();
    }

    private static List<String> strings(String sql, DataSource source) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = source.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void execute(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
