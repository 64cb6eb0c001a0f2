package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Today's run scripts under the engine: a rule file of production-specs runs in sphenixprod's
 * convention with its payload from the spec commit, and the streaming combiner makes one job per
 * (run, host) that writes every segment its events fill, all of them harvested and registered.
 */
class SphenixprodEngineTest {

    private static final String STREAMING = "demo-streaming";

    /** The demo's event building of the MVTX streams, in the rule's own (sphenixprod's) convention. */
    private static final String STREAMING_SPEC = """
            apiVersion: production.sphenix.bnl.gov/v1alpha1
            kind: Production
            metadata:
              name: demo-streaming
            spec:
              rule:
                ruleSet: rules/run3auau/tracking_physics_ana523_2025p007_v001.yaml
                name: Full_STREAMING_EVENT_run3physics
              runs:
                range: [66040, 66098]
              segments: first-only
              masks: ["TPC{00..23}", TPOT, "INTT{0..7}"]
              memory: 256 MB, 1 GB
            """;

    @TempDir
    Path dir;

    private DemoWorld world;

    @AfterEach
    void closeWorld() {
        if (world != null) {
            world.close();
        }
    }

    /** The demo's world, its jobs finding the stand-in root.exe. */
    private Engine startWorld() throws Exception {
        world = StandinWorlds.create(dir);
        return world.startEngine(CrashPoint.NONE, StandinWorlds.withStandin(world.settings(), dir));
    }

    private static List<PassReport> passUntilComplete(Engine engine) {
        List<PassReport> passes = new ArrayList<>();
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            PassReport pass = engine.pass();
            passes.add(pass);
            return pass.status(STREAMING).map(s -> s.state() == ProductionStanding.State.COMPLETE).orElse(false);
        });
        return passes;
    }

    @Test
    void aCombinerJobPerRunAndHostRegistersEverySegmentItWrote() throws Exception {
        Engine engine = startWorld();
        world.specs().write(DemoWorld.PRODUCTIONS + "streaming.yaml", STREAMING_SPEC);
        world.specs().commitAndPush("Merge pull request #1: start event building");
        engine.refresh();

        List<PassReport> passes = passUntilComplete(engine);

        ProductionStanding status = passes.get(passes.size() - 1).status(STREAMING).orElseThrow();
        assertThat(passes.stream().mapToLong(p -> p.activity(STREAMING).submitted()).sum())
                .as("one job per run and MVTX host (the demo masks the others): 2 ready runs × 6 hosts").isEqualTo(12);
        assertThat(status.jobs()).containsEntry(Tally.SUCCEEDED, 12L);
        Map<String, Integer> filesByKind = new TreeMap<>();
        try (Connection c = world.catalogs().fileCatalog().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT dsttype LIKE 'HIST%', segment, count(*), sum(events) FROM datasets"
                     + " WHERE dsttype LIKE '%STREAMING_EVENT_mvtx%' GROUP BY 1, 2 ORDER BY 1, 2")) {
            while (rs.next()) {
                filesByKind.put((rs.getBoolean(1) ? "HIST" : "DST") + " segment " + rs.getInt(2), rs.getInt(3));
            }
        }
        assertThat(filesByKind).as("every job's three DST segments and its HIST, by segment").containsExactlyInAnyOrderEntriesOf(
                Map.of("DST segment 0", 12, "DST segment 1", 12, "DST segment 2", 12, "HIST segment 0", 12));
        assertThat(status.outputsRegistered()).isEqualTo(36);
        try (var staged = Files.walk(world.root().resolve("data/staging"))) {
            assertThat(staged.filter(Files::isRegularFile)).as("every staged output renamed into the final tree, and"
                    + " the jobs' .finished markers gone with them").isEmpty();
        }
        try (var placed = Files.walk(world.root().resolve("data/dst"))) {
            assertThat(placed.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("DST_")))
                    .as("DSTs under their plain lfn").hasSize(36).allSatisfy(f -> assertThat(f.toString()).doesNotContain(":"));
        }
    }

    @Test
    void jobsSubmittedUnderACommitKeepItsPayloadAfterTheNextCommitChangesTheScript() throws Exception {
        Engine engine = startWorld();
        Path gate = dir.resolve("gate");
        String script = Files.readString(RepositoryFiles.productionSpecs().resolve(SCRIPT));
        world.specs().write(SCRIPT, withLine(script, "echo 'payload of commit A'; while [ ! -e " + gate
                + " ]; do sleep 0.1; done"));
        world.specs().write(DemoWorld.PRODUCTIONS + "streaming.yaml", STREAMING_SPEC.replace("[66040, 66098]", "[66052, 66052]"));
        String commitA = world.specs().commitAndPush("Merge pull request #1: event building of run 66052").getName();
        engine.refresh();
        await().atMost(Duration.ofMinutes(1)).until(() -> engine.pass().status(STREAMING).orElseThrow().jobs()
                .getOrDefault(Tally.RUNNING, 0L) > 0);

        world.specs().write(SCRIPT, withLine(script, "echo 'payload of commit B'"));
        world.specs().write(DemoWorld.PRODUCTIONS + "streaming.yaml", STREAMING_SPEC.replace("[66040, 66098]", "[66052, 66053]"));
        String commitB = world.specs().commitAndPush("Merge pull request #2: and run 66053, with a new script").getName();
        engine.refresh();
        Files.createFile(gate);
        passUntilComplete(engine);

        Path shelf = world.settings().payloadRoot();
        assertThat(Files.readString(shelf.resolve(commitA).resolve(SCRIPT))).as("commit A's payload, as reviewed")
                .contains("payload of commit A");
        assertThat(Files.readString(shelf.resolve(commitB).resolve(SCRIPT))).contains("payload of commit B");
        Map<Integer, List<String>> printed = new TreeMap<>();
        try (var logs = Files.walk(world.root().resolve("data/log"))) {
            for (Path out : logs.filter(f -> f.toString().endsWith(".out")).toList()) {
                int run = Integer.parseInt(out.getFileName().toString().replaceAll(".*-000(\\d{5})-00000\\.out", "$1"));
                String log = Files.readString(out);
                printed.computeIfAbsent(run, r -> new ArrayList<>()).add(log.contains("payload of commit A") ? "A"
                        : log.contains("payload of commit B") ? "B" : "?");
            }
        }
        assertThat(printed).as("run 66052's jobs ran A's script to the end after B landed; 66053's ran B's")
                .containsOnlyKeys(66052, 66053);
        assertThat(printed.get(66052)).hasSize(6).containsOnly("A");
        assertThat(printed.get(66053)).hasSize(6).containsOnly("B");
    }

    private static final String SCRIPT = "rules/run3auau/streaming_code/run_parallel_streams.sh";

    /** The script with {@code line} after the line that sources the prep helper. */
    private static String withLine(String script, String line) {
        String prep = ". \"${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh\"\n";
        assertThat(script).contains(prep);
        return script.replace(prep, prep + line + "\n");
    }
}
