package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.connect.EmbeddedCatalogServer;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code prodctl why} against the demo's world after a real pass of the engine: the spec comes
 * from the ledger, the reasons from the catalogs, the counts agree with the status the pass wrote.
 * 59 runs of seed 7: short runs and runs with few events in the demo's range, the last run still going.
 */
class WhyCommandTest {

    private static final String PRODUCTION = "demo-streaming";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static DemoWorld world;
    private static Map<String, String> environment;

    @BeforeAll
    static void onePass() throws Exception {
        world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 59, 7,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(1)));
        world.declare("streaming", "Merge pull request #1: start event building");
        environment = Map.of("PRODOP_CATALOG_URL", world.catalogs().embeddedServer().orElseThrow().jdbcUrl(),
                "PRODOP_CATALOG_USER", EmbeddedCatalogServer.USER);
        RunCommand run = new RunCommand();
        run.environment = environment;
        StringWriter output = new StringWriter();
        int exit = cli(run, output).execute("--specs", world.specs().url(), "--work", dir.resolve("run").toString(),
                "--payloads", world.root().resolve("payloads").toString(), "--once");
        assertThat(exit).as(output.toString()).isZero();
    }

    @AfterAll
    static void closeWorld() {
        world.close();
    }

    @Test
    void withoutRunsItCountsTheWaitingRunsByReasonAsTheStatusDoes() throws Exception {
        StringWriter why = new StringWriter();
        int exit = cli(why(), why).execute(PRODUCTION);
        StringWriter status = new StringWriter();
        StatusCommand statusCommand = new StatusCommand();
        statusCommand.environment = environment;
        cli(statusCommand, status).execute("--format", "json", PRODUCTION);

        List<String> lines = why.toString().lines().toList();
        JsonNode waiting = JSON.readTree(status.toString()).get(0).get("waiting");
        long belowCuts = waiting.get("belowRunCuts").asLong();
        assertThat(exit).as(why.toString()).isZero();
        assertThat(lines.get(0)).startsWith("demo-streaming (DST_STREAMING_EVENT): ").endsWith(" physics runs in 66040-66098");
        assertThat(lines).contains("below the run cuts: " + belowCuts + " runs");
        assertThat(why.toString()).containsPattern("\n  \\d{5}  too (short: \\d+ s, the cut is 300 s|few events: \\d+, the cut is 100000)");
        assertThat(lines.get(lines.size() - 2)).as("after one pass no job has succeeded")
                .isEqualTo("events against the DAQ: no run produced yet");
        assertThat(lines.get(lines.size() - 1)).matches("why: " + belowCuts + " runs waiting: " + belowCuts
                + " below the run cuts; \\d+ ready");
        assertThat(waiting.size()).as("the status counts only what why counts").isEqualTo(1);
        StringWriter table = new StringWriter();
        StatusCommand tableCommand = new StatusCommand();
        tableCommand.environment = environment;
        cli(tableCommand, table).execute(PRODUCTION);
        assertThat(table.toString()).contains("\ndemo-streaming: waiting: " + belowCuts + " runs (" + belowCuts
                + " below the run cuts); prodctl why demo-streaming tells each run\n");
    }

    @Test
    void theRunsAskedAboutGetAParagraphEachAndJsonForScripts() throws Exception {
        StringWriter text = new StringWriter();
        int textExit = cli(why(), text).execute(PRODUCTION, "66122", "99999");
        StringWriter json = new StringWriter();
        int jsonExit = cli(why(), json).execute(PRODUCTION, "66122", "--format", "json");

        assertThat(textExit).isZero();
        assertThat(text.toString()).isEqualTo("""
                run 66122: not selected
                  run 66122 is not in the production's runs 66040-66098
                run 99999: not selected
                  the DAQ database has no run 99999
                why: 2 runs waiting: 2 not selected; 0 ready
                """);
        assertThat(jsonExit).isZero();
        JsonNode answer = JSON.readTree(json.toString());
        assertThat(answer.get("production").asText()).isEqualTo(PRODUCTION);
        assertThat(answer.get("runs").get(0).get("reason").asText()).isEqualTo("notSelected");
        assertThat(answer.get("waiting").get("notSelected").asLong()).isEqualTo(1);
        assertThat(answer.get("summary").asText()).isEqualTo("why: 1 run waiting: 1 not selected; 0 ready");
    }

    @Test
    void aCheckedOutSpecsDirectoryAnswersAsTheLedgersSpecDoes() {
        StringWriter fromLedger = new StringWriter();
        cli(why(), fromLedger).execute(PRODUCTION, "66090");
        StringWriter fromSpecs = new StringWriter();
        int exit = cli(why(), fromSpecs).execute(PRODUCTION, "66090", "--specs", world.specs().workingCopy().toString());

        assertThat(exit).as(fromSpecs.toString()).isZero();
        assertThat(fromSpecs.toString()).isEqualTo(fromLedger.toString()).isEqualTo("""
                run 66090: below the run cuts
                  too short: 127 s, the cut is 300 s
                why: 1 run waiting: 1 below the run cuts; 0 ready
                """);
    }

    @Test
    void badUsageExitsTwoWithWhatToDo() {
        StringWriter unknown = new StringWriter();
        int unknownExit = cli(why(), unknown).execute("demo-nothing");
        StringWriter format = new StringWriter();
        int formatExit = cli(why(), format).execute(PRODUCTION, "--format", "xml");
        StringWriter noCatalog = new StringWriter();
        WhyCommand bare = new WhyCommand();
        bare.environment = Map.of();
        int noCatalogExit = cli(bare, noCatalog).execute(PRODUCTION);
        StringWriter notARun = new StringWriter();
        int notARunExit = cli(why(), notARun).execute(PRODUCTION, "run66122");

        assertThat(unknownExit).isEqualTo(2);
        assertThat(unknown.toString()).isEqualTo("prodctl why: the ledger keeps no spec of demo-nothing; prodctl status"
                + " lists the productions it knows, or give --specs with the checked-out specs\n");
        assertThat(formatExit).isEqualTo(2);
        assertThat(format.toString()).isEqualTo("prodctl why: --format is text or json, not xml\n");
        assertThat(noCatalogExit).isEqualTo(2);
        assertThat(noCatalog.toString()).contains("set PRODOP_CATALOG_URL");
        assertThat(notARunExit).isEqualTo(2);
        assertThat(notARun.toString()).contains("run66122");
    }

    private static WhyCommand why() {
        WhyCommand why = new WhyCommand();
        why.environment = environment;
        return why;
    }

    private static CommandLine cli(Object command, StringWriter output) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));
        return cli;
    }
}
