package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.LocalWorlds;
import gov.bnl.sphenix.production.control.Passes;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code prodctl plan} says a removal deletes, in outputs and bytes, against what the next
 * pass deletes: a finished production whose policy deletes its outputs, removed by a pull request.
 */
class PlanDeletionsTest {

    private static final String FILE = DemoWorld.PRODUCTIONS + "streaming.yaml";

    @TempDir
    Path dir;

    private DemoWorld world;
    private Engine engine;
    private PlanInAWorld planner;

    @BeforeEach
    void aFinishedProduction() throws Exception {
        world = LocalWorlds.create(dir.resolve("world"));
        engine = world.startEngine();
        world.declare("streaming", "Merge pull request #1: start event building");
        Passes.until(engine, r -> r.status("demo-streaming").map(s -> s.state() == ProductionStanding.State.COMPLETE)
                .orElse(false), Duration.ofMinutes(3), Duration.ofMillis(500));
        planner = new PlanInAWorld(world.catalogs(), world.batch(), world.specs());
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    @Test
    void aRemovalWithoutGraceDeletesWhatThePlanSaidAndTheBytesAreTheCatalogued() throws Exception {
        deleteOutputsOnRemoval("0s");
        Files.delete(world.specs().workingCopy().resolve(FILE));
        long catalogued = catalogued("count(*)");
        long bytes = catalogued("coalesce(sum(size), 0)");

        StringWriter told = new StringWriter();
        int exit = planner.plan(told, "--format", "json");
        JsonNode json = new ObjectMapper().readTree(told.toString());
        world.specs().commitAndPush("Revert \"start event building\"");
        engine.refresh();
        engine.pass();

        JsonNode streaming = json.path("productions").get(0);
        assertThat(exit).as(told.toString()).isEqualTo(3);
        assertThat(catalogued).isPositive();
        assertThat(streaming.path("change").asText()).isEqualTo("removed");
        assertThat(streaming.path("delete").path("files").asLong()).isEqualTo(catalogued);
        assertThat(streaming.path("delete").path("bytes").asLong()).isEqualTo(bytes).isPositive();
        assertThat(json.path("lastLine").asText()).endsWith("0 to kill, " + catalogued + " outputs to delete");
        assertThat(catalogued("count(*)")).as("the pass deleted what the plan said").isZero();
    }

    @Test
    void aRemovalWithAGracePeriodDeletesNothingNowAndSaysWhatGoesWhenItEnds() throws Exception {
        deleteOutputsOnRemoval("24h");
        Files.delete(world.specs().workingCopy().resolve(FILE));
        long catalogued = catalogued("count(*)");

        StringWriter told = new StringWriter();
        int exit = planner.plan(told);

        assertThat(exit).as("deleting later is deleting").isEqualTo(3);
        assertThat(told.toString()).contains("demo-streaming: removed: its jobs are killed and its outputs deleted after"
                + " 1 d (on-removal: kill-and-delete-outputs)")
                .containsPattern("after its grace period, delete " + catalogued + " outputs \\([0-9.]+ [kMG]?B, as"
                        + " catalogued now\\)");
        assertThat(told.toString().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("plan: 0 added, 0 changed, 1 removed; 0 jobs to submit, 0 to kill, 0 outputs to delete");
    }

    /** The production in force, its policy changed to delete outputs after {@code grace}: merged and applied. */
    private void deleteOutputsOnRemoval(String grace) throws Exception {
        Path file = world.specs().workingCopy().resolve(FILE);
        String text = Files.readString(file);
        assertThat(text).contains("    policy: kill\n");
        Files.writeString(file, text.replace("    policy: kill\n", "    policy: kill-and-delete-outputs\n"
                + "    gracePeriod: " + grace + "\n"));
        world.specs().commitAndPush("Delete event building's outputs when it is removed");
        engine.refresh();
        engine.pass();
    }

    private long catalogued(String what) throws Exception {
        try (Connection c = world.catalogs().fileCatalog().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + what + " FROM files")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
