package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.preview.PlanPreview;
import gov.bnl.sphenix.production.control.preview.Preview;
import gov.bnl.sphenix.production.control.preview.ProductionPreview;
import gov.bnl.sphenix.production.control.preview.SpecChange;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.source.CheckedOutSpecs;
import gov.bnl.sphenix.production.source.CheckedOutSpecs.Loaded;
import gov.bnl.sphenix.production.tools.seed.DaqStreams;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.world.LocalWorld;
import gov.bnl.sphenix.production.tools.world.StandinPayloads;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prodctl plan} is the planner run on the head revision against the observed state: what it
 * says the next pass submits and kills is, key for key, what the next pass submits and kills. The
 * world holds still between the plan and the pass (each job sleeps an hour, one runs at a time),
 * so the two see the same queue.
 */
class PlanIsTheNextPassTest {

    private static final String FIRST = "demo-streaming";
    private static final String SECOND = "demo-streaming-late";

    @TempDir
    Path dir;

    private LocalWorld world;
    private Engine engine;
    private PlanInAWorld planner;

    @BeforeEach
    void buildWorld() throws Exception {
        Path payloads = dir.resolve("world/payloads");
        world = LocalWorld.create(dir.resolve("world"), data -> EngineSettings.under(data, payloads)
                        .withJobEnvironment(Map.of("FAKE_JOB_SECONDS", "3600")),
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(1)));
        world.seed(new SeedSpec(7, 12, 66_040, 12 * 120L, SeedSpec.START), DaqStreams.SPHENIX);
        Path specs = RepositoryFiles.productionSpecs();
        world.specs().importRulesAndCatalogue(specs);
        world.specs().commitAndPush("Import the rules and the product catalogue");
        StandinPayloads.install(specs, StandinPayloads.of(specs), payloads);
        engine = world.startEngine();
        planner = new PlanInAWorld(world.catalogs(), world.batch(), world.specs());
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    @Test
    void whatPlanSaysTheNextPassSubmitsAndKillsIsWhatItDoes() throws Exception {
        world.specs().write("productions/demo/streaming.yaml", streaming(FIRST, "[66040, 66052]"));
        world.specs().commitAndPush("Merge pull request #1: start event building");
        engine.refresh();

        Preview first = preview();
        engine.pass();

        ProductionPreview submitting = first.counts().orElseThrow().of(FIRST).orElseThrow();
        assertThat(submitting.change().kind()).isEqualTo(SpecChange.Kind.UNCHANGED);  // in force already
        assertThat(submitting.toSubmit().count()).isPositive();
        assertThat(keys(FIRST, Set.of(LedgerState.values()))).containsExactlyInAnyOrderElementsOf(
                submitting.toSubmit().keys());

        // a pull request, not merged yet: stop the first production, start another on later runs
        Files.delete(world.specs().workingCopy().resolve("productions/demo/streaming.yaml"));
        world.specs().write("productions/demo/streaming-late.yaml", streaming(SECOND, "[66053, 66098]"));
        StringWriter told = new StringWriter();
        int exit = planner.plan(told, "--format", "json");
        Preview second = preview();
        world.specs().commitAndPush("Merge pull request #2: stop the first, start the late runs");
        engine.refresh();
        engine.pass();

        ProductionPreview stopping = second.counts().orElseThrow().of(FIRST).orElseThrow();
        ProductionPreview starting = second.counts().orElseThrow().of(SECOND).orElseThrow();
        assertThat(stopping.change().kind()).isEqualTo(SpecChange.Kind.REMOVED);
        int live = submitting.toSubmit().count();
        assertThat(stopping.kills()).as("every job of the first is still queued or running").hasSize(live);
        assertThat(keys(FIRST, Set.of(LedgerState.KILLED)))
                .containsExactlyInAnyOrderElementsOf(stopping.kills().stream().map(ProductionPreview.Kill::key).toList());
        assertThat(starting.toSubmit().count()).isPositive();
        assertThat(keys(SECOND, Set.of(LedgerState.values())))
                .containsExactlyInAnyOrderElementsOf(starting.toSubmit().keys());

        JsonNode json = new ObjectMapper().readTree(told.toString());
        assertThat(exit).as("merging kills jobs").isEqualTo(3);
        assertThat(json.path("exitCode").asInt()).isEqualTo(3);
        assertThat(json.path("totals").path("jobsToKill").asLong()).isEqualTo(live);
        assertThat(json.path("totals").path("jobsToSubmit").asLong()).isEqualTo(starting.toSubmit().count());
        assertThat(json.path("lastLine").asText()).isEqualTo("plan: 1 added, 0 changed, 1 removed; "
                + starting.toSubmit().count() + " jobs to submit, " + live + " to kill, 0 outputs to delete");
    }

    @Test
    void theTextPlanTellsTheReviewerWhatMergingDoesAndEndsWithTheTotals() throws Exception {
        world.specs().write("productions/demo/streaming.yaml", streaming(FIRST, "[66040, 66098]")
                .replace("maxSubmitPerCycle: 20", "maxSubmitPerCycle: 5"));

        StringWriter told = new StringWriter();
        int exit = planner.plan(told);

        List<String> lines = told.toString().lines().toList();
        assertThat(exit).as(told.toString()).isZero();
        assertThat(told.toString()).contains(FIRST + ": added")
                .containsPattern("waiting: \\d+ runs \\(.+\\) \\(prodctl why " + FIRST + " tells each\\)")
                .containsPattern("submit 5 jobs \\(runs? [0-9, –]+\\) at 256 MB; \\d+ more ready wait for the queue"
                        + " budget or the production's cap");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("plan: 1 added, 0 changed, 0 removed; 5 jobs to submit,"
                + " 0 to kill, 0 outputs to delete");
        assertThat(world.statuses()).as("plan writes no status").isEmpty();
        assertThat(keys(FIRST, Set.of(LedgerState.values()))).as("nor any ledger row").isEmpty();
    }

    /** The library behind the command, on the world's batch system: the working tree against the last commit. */
    private Preview preview() throws Exception {
        try (CheckedOutSpecs specs = CheckedOutSpecs.open(world.specs().workingCopy())) {
            Loaded head = specs.workingTree();
            Loaded from = specs.at(world.specs().head().getName());
            EngineSettings settings = world.settings();
            return new PlanPreview(EngineAssembly.ports(world.catalogs(), settings, Clock.systemUTC()), world.batch(),
                    settings, Clock.systemUTC()).plan(from.label(), head.label(),
                    SpecChange.between(from.report().repository().orElseThrow().productions(),
                            head.report().repository().orElseThrow().productions()),
                    head.report().repository().orElseThrow().catalogue(), planner.sourceName());
        }
    }


    private List<JobKey> keys(String production, Set<LedgerState> states) throws Exception {
        List<LedgerJob> rows = new ArrayList<>();
        new JobLedger(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC())
                .jobs(production, EnumSet.allOf(LedgerState.class), rows::add);
        return rows.stream().filter(r -> states.contains(r.state())).map(r -> r.key().job())
                .collect(Collectors.toList());
    }

    /** The demo's event-building production under another name and run range, on the stand-in payload. */
    private static String streaming(String name, String runs) throws Exception {
        try (InputStream in = PlanIsTheNextPassTest.class.getResourceAsStream(
                "/gov/bnl/sphenix/production/tools/demo/productions/streaming.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("name: demo-streaming\n", "name: " + name + "\n")
                    .replace("range: [66040, 66098]", "range: " + runs)
                    .replace("\nspec:\n", "\nspec:\n  contract: operator\n");
        }
    }
}
