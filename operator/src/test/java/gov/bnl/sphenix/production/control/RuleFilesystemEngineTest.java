package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's {@code filesystem} block and {@code log} under the engine, as ProdFlow's calorimeter
 * rules use them: logs and histograms on another disk, the batch log in the {@code condor}
 * directory, DSTs in their {@code finaldir}. A rule naming a directory outside the site's trees
 * submits nothing and says why, and no job of it fails for it.
 */
class RuleFilesystemEngineTest {

    private static final String PRODUCTION = "placed-streaming";
    private static final String RULES = "rules/run3auau/streaming_placed.yaml";
    private static final String TREE = "{prodmode}/{period}/{physicsmode}/{outtriplet}/{leafdir}/{rungroup}";

    @TempDir
    Path dir;

    private DemoWorld world;

    @AfterEach
    void closeWorld() {
        if (world != null) {
            world.close();
        }
    }

    private Engine startWorld(List<Path> ruleRoots) throws Exception {
        world = StandinWorlds.create(dir);
        return world.startEngine(CrashPoint.NONE, StandinWorlds.withStandin(world.settings().withRuleRoots(ruleRoots), dir));
    }

    /** The tracking rule file's event building, its job placing logs, histograms, batch logs and DSTs itself. */
    private void declare(Engine engine, Path logs, Path finals) throws Exception {
        String rules = Files.readString(RepositoryFiles.productionSpecs().resolve(
                "rules/run3auau/tracking_physics_ana523_2025p007_v001.yaml"));
        String job = "    script:            run_parallel_streams.sh\n";
        assertThat(rules).contains(job);
        world.specs().write(RULES, rules.replaceFirst(job, job + """
                    comment:           'event building, logs on the second disk'
                    filesystem:
                      logdir:   "%1$s/%2$s/log"
                      histdir:  "%1$s/%2$s/hist"
                      condor:   "%1$s/condor/%2$s/log"
                      finaldir: "%3$s/%2$s"
                """.formatted(logs, TREE, finals)));
        world.specs().write(DemoWorld.PRODUCTIONS + "placed.yaml", """
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: Production
                metadata:
                  name: %s
                spec:
                  rule:
                    ruleSet: %s
                    name: Full_STREAMING_EVENT_run3physics
                  runs:
                    range: [66052, 66052]
                  segments: first-only
                  masks: ["TPC{00..23}", TPOT, "INTT{0..7}", "MVTX{1..5}"]
                  memory: 256 MB, 1 GB
                """.formatted(PRODUCTION, RULES));
        world.specs().commitAndPush("Merge pull request #1: event building with the rule's own directories");
        engine.refresh();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void theRulesDirectoriesHoldItsLogsHistogramsBatchLogsAndOutputs() throws Exception {
        Path disk2 = dir.resolve("data03").toAbsolutePath();
        Path finals = dir.resolve("world/data/dst/placed").toAbsolutePath();
        Engine engine = startWorld(List.of(disk2));
        declare(engine, disk2, finals);

        await().atMost(Duration.ofMinutes(2)).until(() -> engine.pass().status(PRODUCTION)
                .map(s -> s.state() == ProductionStanding.State.COMPLETE).orElse(false));

        String below = "production/run3auau/physics/ana523_nocdbtag_v001/DST_STREAMING_EVENT_mvtx0/run_00066000_00066100";
        assertThat(files(finals, ".root")).as("the DST segments in finaldir, under their lfn").hasSize(3)
                .allSatisfy(f -> assertThat(f.getParent()).isEqualTo(finals.resolve(below)));
        assertThat(files(disk2.resolve(below + "/hist"), ".root")).as("the HIST in histdir").hasSize(1);
        assertThat(files(disk2.resolve(below + "/log"), ".out")).as("stdout in logdir").hasSize(1);
        assertThat(files(disk2.resolve("condor/" + below + "/log"), ".condor")).as("the batch log where 'log' says").hasSize(1);
        try (Connection c = world.catalogs().fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM files WHERE full_file_path LIKE ?")) {
            s.setString(1, finals + "/%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("catalogued where they are").isEqualTo(3);
            }
        }
    }

    @Test
    void aRuleDirectoryOutsideTheSitesTreesSubmitsNothingAndSaysWhere() throws Exception {
        Path elsewhere = dir.resolve("not-a-site-tree").toAbsolutePath();
        Engine engine = startWorld(List.of());
        declare(engine, elsewhere, dir.resolve("world/data/dst/placed").toAbsolutePath());

        PassReport pass = engine.pass();
        pass = engine.pass();

        ProductionStanding status = pass.status(PRODUCTION).orElseThrow();
        assertThat(status.state()).isEqualTo(ProductionStanding.State.STALLED);
        assertThat(String.join("\n", status.errors())).contains("filesystem.logdir").contains(elsewhere.toString())
                .contains("PRODOP_FILESYSTEM_ROOTS");
        assertThat(status.jobs().getOrDefault(Tally.FAILED, 0L)).as("no job failed for the site's refusal").isZero();
        assertThat(status.jobs().getOrDefault(Tally.QUEUED, 0L) + status.jobs().getOrDefault(Tally.RUNNING, 0L)).isZero();
        assertThat(elsewhere).doesNotExist();
    }
}
