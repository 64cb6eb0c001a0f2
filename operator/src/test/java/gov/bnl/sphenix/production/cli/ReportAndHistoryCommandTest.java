package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.connect.EmbeddedCatalogServer;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.cli.report.ReportText;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.LocalWorlds;
import gov.bnl.sphenix.production.control.Passes;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code prodctl report}, {@code prodctl history} and {@code prodctl status --failed} on the ledger
 * of a real engine run in the demo's world: event building of four runs, one of whose jobs outgrow
 * their first memory rung and are released a rung higher; then clustering with a single memory
 * rung, whose job of that run is held, stopped and failed for good.
 */
class ReportAndHistoryCommandTest {

    private static final String STREAMING = "demo-streaming";
    private static final String CLUSTER = "demo-cluster";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static DemoWorld world;
    private static Map<String, String> environment;
    /** Between the two productions: event building done, clustering not declared yet. */
    private static Instant betweenProductions;

    @BeforeAll
    static void runTheEngine() throws Exception {
        world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 27, 7,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2)));
        environment = Map.of("PRODOP_CATALOG_URL", world.catalogs().embeddedServer().orElseThrow().jdbcUrl(),
                "PRODOP_CATALOG_USER", EmbeddedCatalogServer.USER);
        Engine engine = world.startEngine();
        world.declareEdited("streaming", STREAMING, text -> text.replace("range: [66040, 66098]", "range: [66064, 66067]"),
                "Merge pull request #1: build the streams of four runs");
        Passes.until(engine, pass -> complete(pass, STREAMING), Duration.ofMinutes(5), Duration.ofMillis(200));
        betweenProductions = Instant.now();
        world.declareEdited("cluster", CLUSTER, text -> text.replace("range: [66040, 66098]", "range: [66064, 66067]")
                .replace("memory: 256 MB, 1 GB", "memory: 256 MB"), "Merge pull request #2: cluster them, small");
        Passes.until(engine, pass -> complete(pass, CLUSTER), Duration.ofMinutes(5), Duration.ofMillis(200));
    }

    @AfterAll
    static void closeWorld() {
        world.close();
    }

    private static boolean complete(PassReport pass, String production) {
        return pass.status(production).map(s -> s.state() == ProductionStanding.State.COMPLETE).orElse(false);
    }

    @Test
    void theCountsOfTheReportAreThoseOfTheLedgerAndAJobHeldThenReleasedCountsAsHeld() throws Exception {
        JsonNode report = json(run(new ReportCommand(), "--by", "production", "--format", "json"));

        for (String production : List.of(STREAMING, CLUSTER)) {
            JsonNode row = row(report, "production", production);
            Map<String, Long> expected = ledgerCounts(production, Instant.EPOCH);
            assertThat(counts(row.get("toDate"))).as(production + " to date").isEqualTo(expected);
            assertThat(counts(row.get("recent"))).as(production + " in the prior week").isEqualTo(expected);
        }
        JsonNode streaming = row(report, "production", STREAMING).get("toDate");
        assertThat(streaming.get("held").asLong()).as("held and released a rung higher").isPositive();
        assertThat(rows(STREAMING)).noneMatch(r -> r.state() == LedgerState.HELD || r.state() == LedgerState.FAILED);
        assertThat(streaming.get("finished").asLong()).isEqualTo(streaming.get("submitted").asLong())
                .as("every finished job ran, seen running or not").isEqualTo(streaming.get("started").asLong())
                .isEqualTo(streaming.get("ran").asLong());
        assertThat(streaming.get("events").asLong()).isPositive();
        JsonNode cluster = row(report, "production", CLUSTER).get("toDate");
        assertThat(cluster.get("failed").asLong()).as("held at the top of its ladder: failed").isEqualTo(1);
        assertThat(cluster.get("held").asLong()).isEqualTo(1);
        assertThat(report.get("productions").asLong()).isEqualTo(2);
        assertThat(report.get("total").get("toDate").get("submitted").asLong())
                .isEqualTo(streaming.get("submitted").asLong() + cluster.get("submitted").asLong());
    }

    @Test
    void sinceBoundsTheRecentPeriodWhileToDateStaysWhole() throws Exception {
        JsonNode report = json(run(new ReportCommand(), "--by", "production", "--since", betweenProductions.toString(),
                "--format", "json"));

        JsonNode streaming = row(report, "production", STREAMING);
        JsonNode cluster = row(report, "production", CLUSTER);
        assertThat(report.get("period").asText()).isEqualTo("since " + betweenProductions);
        assertThat(counts(streaming.get("recent"))).as("event building ended before")
                .isEqualTo(ledgerCounts(STREAMING, betweenProductions)).containsEntry("submitted", 0L)
                .containsEntry("held", 0L).containsEntry("finished", 0L);
        assertThat(counts(streaming.get("toDate"))).isEqualTo(ledgerCounts(STREAMING, Instant.EPOCH));
        assertThat(counts(cluster.get("recent"))).as("clustering is all after")
                .isEqualTo(ledgerCounts(CLUSTER, Instant.EPOCH));
    }

    @Test
    void theTableIsBrokenDownByProductAndTheRunTypeTheDaqRecordedInEveryFormat() throws Exception {
        String text = run(new ReportCommand());
        String markdown = run(new ReportCommand(), "--format", "markdown");
        String csv = run(new ReportCommand(), "--format", "csv");
        JsonNode json = json(run(new ReportCommand(), "--format", "json"));

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).matches("DSTTYPE +RUNTYPE +PERIOD +SUBMITTED +STARTED +RAN +FAILED +HELD +FINISHED +EVENTS");
        assertThat(lines.get(1)).startsWith("DST_STREAMING_EVENT  physics  prior week");
        assertThat(lines.get(2)).matches(" +to date( +\\d+){7}");
        assertThat(text).contains("DST_TRKR_CLUSTER     physics  prior week").contains(ReportText.FOOTNOTE.get(0));
        assertThat(lines.get(lines.size() - 1)).matches("report: 2 productions, \\d+ submitted, \\d+ finished, [1-9]\\d* held,"
                + " 1 failed since \\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(markdown).startsWith("| DSTTYPE | RUNTYPE | PERIOD | SUBMITTED |")
                .contains("|---|---|---|---:|", "| DST_TRKR_CLUSTER | physics | prior week |");
        assertThat(csv.lines().toList()).first().isEqualTo("dsttype,runtype,period,submitted,started,ran,failed,held,finished,events");
        assertThat(csv.lines()).contains("all,all,to date," + String.join(",", values(json.get("total").get("toDate"))));
        assertThat(json.get("rows")).hasSize(2).allSatisfy(r -> assertThat(r.get("runtype").asText()).isEqualTo("physics"));
        assertThat(json.get("by").toString()).isEqualTo("[\"dsttype\",\"runtype\"]");
    }

    @Test
    void badArgumentsAreRefusedWithTheWordsThatWork() throws Exception {
        StringWriter by = new StringWriter();
        int byExit = command(new ReportCommand(), by).execute("--by", "dsttype,shift");
        StringWriter since = new StringWriter();
        int sinceExit = command(new HistoryCommand(), since).execute("--since", "last tuesday");

        assertThat(byExit).isEqualTo(2);
        assertThat(by.toString()).contains("prodctl report: --by: 'shift' is not one of production, dsttype, dataset, tag,"
                + " runtype");
        assertThat(sinceExit).isEqualTo(2);
        assertThat(since.toString()).contains("--since 'last tuesday': give a span back from now (7d");
    }

    @Test
    void historyShowsWhatTheOperatorDidInOrderWithProductionAndSinceFilters() throws Exception {
        String all = run(new HistoryCommand());
        String streaming = run(new HistoryCommand(), STREAMING);
        String clusterOnly = run(new HistoryCommand(), "--since", betweenProductions.toString());

        List<String> lines = all.lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("\\S+Z  \\(specs\\)  applied  .*"));
        int firstStreamingSubmit = indexOf(lines, STREAMING + "  submitted  ");
        int released = indexOf(lines, STREAMING + "  released  ");
        int clusterFailed = indexOf(lines, CLUSTER + "  failed  job 66066/0 failed: ");
        assertThat(firstStreamingSubmit).isPositive().isLessThan(released);
        assertThat(released).isLessThan(indexOf(lines, CLUSTER + "  submitted  ")).isLessThan(clusterFailed);
        assertThat(lines.get(lines.size() - 1)).matches("history: \\d+ entries since .*");
        assertThat(streaming.lines().toList().subList(0, (int) streaming.lines().count() - 1))
                .isNotEmpty().allMatch(l -> l.contains("  " + STREAMING + "  "));
        assertThat(streaming).endsWith(" of " + STREAMING + "\n");
        assertThat(clusterOnly).doesNotContain(STREAMING + "  submitted").contains(CLUSTER + "  submitted");
    }

    @Test
    void statusFailedListsTheFailedJobWithItsLogsWhichAreOnDisk() throws Exception {
        String failed = run(new StatusCommand(), "--failed", CLUSTER);

        List<String> lines = failed.lines().toList();
        assertThat(lines.get(0)).matches(CLUSTER + " 66066/0  attempt 1  ended \\S+Z");
        assertThat(lines.get(1)).contains("job 66066/0 failed: memory exceeded at 256 MB, the top of its memory ladder");
        List<Path> logs = new ArrayList<>();
        for (String label : List.of("out        ", "err        ", "batch log  ")) {
            String line = lines.stream().filter(l -> l.startsWith("  " + label)).findFirst().orElseThrow();
            logs.add(Path.of(line.substring(2 + label.length())));
        }
        assertThat(logs).allSatisfy(p -> assertThat(p).isRegularFile().startsWith(world.settings().layout().logRoot()));
        assertThat(logs.get(0).getFileName().toString()).endsWith("-00066066-00000.out");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("failed: 1 jobs");
        assertThat(run(new StatusCommand(), "--failed", STREAMING)).isEqualTo("no failed jobs\n");
    }

    /** The report's counts, computed row by row from the ledger, as the report's footnote defines them. */
    private static Map<String, Long> ledgerCounts(String production, Instant since) throws Exception {
        Map<Long, List<HoldRecord>> holds = new JobLedger(world.catalogs().ledger(), world.catalogs().retry(),
                Clock.systemUTC()).holdsOf(production);
        long submitted = 0, started = 0, ranToTheEnd = 0, failed = 0, held = 0, finished = 0, events = 0;
        for (LedgerJob r : rows(production)) {
            submitted += after(r.submittedAt(), since);
            boolean ran = r.submittedAt().isPresent()
                    && (r.state() == LedgerState.SUCCEEDED || r.state() == LedgerState.FAILED);
            started += after(r.startedAt().or(() -> ran ? r.endedAt() : Optional.empty()), since);
            ranToTheEnd += ran ? after(r.endedAt(), since) : 0;
            failed += r.state() == LedgerState.FAILED ? after(r.endedAt(), since) : 0;
            held += holds.getOrDefault(r.id(), List.of()).stream().anyMatch(h -> !h.at().isBefore(since)) ? 1 : 0;
            if (r.state() == LedgerState.SUCCEEDED && after(r.endedAt(), since) == 1) {
                finished++;
                events += r.nevents().orElse(0);
            }
        }
        return Map.of("submitted", submitted, "started", started, "ran", ranToTheEnd, "failed", failed, "held", held,
                "finished", finished, "events", events);
    }

    private static long after(Optional<Instant> at, Instant since) {
        return at.isPresent() && !at.get().isBefore(since) ? 1 : 0;
    }

    private static List<LedgerJob> rows(String production) throws Exception {
        return LocalWorlds.ledgerRows(world, production);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + part + "' in\n" + String.join("\n", lines));
    }

    private static JsonNode row(JsonNode report, String grouping, String value) {
        for (JsonNode row : report.get("rows")) {
            if (row.get(grouping).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row of " + value + " in " + report);
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> values = new java.util.HashMap<>();
        counts.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asLong()));
        return values;
    }

    private static List<String> values(JsonNode counts) {
        List<String> values = new ArrayList<>();
        counts.elements().forEachRemaining(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** Runs a command on the world's catalogs; it must succeed. */
    private static String run(Callable<Integer> command, String... args) {
        StringWriter output = new StringWriter();
        int exit = command(command, output).execute(args);
        assertThat(exit).as(output.toString()).isZero();
        return output.toString();
    }

    private static CommandLine command(Callable<Integer> command, StringWriter output) {
        if (command instanceof ReportCommand report) {
            report.reading.environment = environment;
        } else if (command instanceof HistoryCommand history) {
            history.reading.environment = environment;
        } else {
            ((StatusCommand) command).environment = environment;
        }
        PrintWriter both = new PrintWriter(output, true);
        return new CommandLine(command).setOut(both).setErr(both);
    }
}
