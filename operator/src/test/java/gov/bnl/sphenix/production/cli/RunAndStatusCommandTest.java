package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.connect.EmbeddedCatalogServer;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code prodctl run} and {@code prodctl status} against a real ledger, catalog and specs repository. */
class RunAndStatusCommandTest {

    @TempDir
    Path dir;

    private DemoWorld world;
    private Map<String, String> environment;
    private RevCommit declared;

    @BeforeEach
    void buildWorld() throws Exception {
        world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(1)));
        declared = world.declare("streaming", "Merge pull request #1: start event building");
        String url = world.catalogs().embeddedServer().orElseThrow().jdbcUrl();
        environment = Map.of("PRODOP_CATALOG_URL", url, "PRODOP_CATALOG_USER", EmbeddedCatalogServer.USER);
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    @Test
    void onePassSubmitsTheDeclaredProductionAndStatusShowsIt() throws Exception {
        StringWriter runOutput = new StringWriter();
        int runExit = command(new RunCommand(), runOutput).execute(runArguments("--once"));

        StringWriter table = new StringWriter();
        int tableExit = command(new StatusCommand(), table).execute();
        StringWriter json = new StringWriter();
        int jsonExit = command(new StatusCommand(), json).execute("--format", "json", "demo-streaming");

        assertThat(runExit).as(runOutput.toString()).isZero();
        assertThat(runOutput.toString()).contains("demo-streaming", "progressing");
        assertThat(ledgerCounts().getOrDefault(LedgerState.QUEUED, 0L)).isPositive();
        assertThat(tableExit).isZero();
        assertThat(table.toString()).contains("PRODUCTION", "demo-streaming", "DST_STREAMING_EVENT", "run3auau",
                "ana523_nocdbtag_v001");
        assertThat(jsonExit).isZero();
        assertThat(json.toString()).contains("\"production\" : \"demo-streaming\"", "\"state\" : \"progressing\"",
                "\"queued\" : ");
    }

    @Test
    void aStopRequestEndsTheLoopAfterThePassInProgressWithNothingHalfRecorded() throws Exception {
        RunCommand run = new RunCommand();
        StringWriter output = new StringWriter();
        CommandLine cli = command(run, output);
        CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(() -> cli.execute(runArguments("--interval", "PT0.2S")));
        await().atMost(Duration.ofMinutes(1)).until(() -> ledgerCounts().getOrDefault(LedgerState.QUEUED, 0L) > 0);

        run.shutDown();

        assertThat(loop.get()).as(output.toString()).isZero();
        assertThat(ledgerCounts()).doesNotContainKey(LedgerState.SUBMITTING);
    }

    @Test
    void aPassThatFailsDoesNotEndTheLoopAndTheNextPassWorksAgain() throws Exception {
        RunCommand run = new RunCommand();
        StringWriter output = new StringWriter();
        CommandLine cli = command(run, output);
        CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(() -> cli.execute(runArguments("--interval", "PT0.2S")));
        await().atMost(Duration.ofMinutes(1)).until(() -> ledgerCounts().getOrDefault(LedgerState.QUEUED, 0L) > 0);

        ledgerStatement("ALTER TABLE prodop.production_status RENAME TO production_status_away");
        await().atMost(Duration.ofSeconds(30)).until(() -> output.toString().contains("error: the pass failed"));
        ledgerStatement("ALTER TABLE prodop.production_status_away RENAME TO production_status");
        int failedAt = output.toString().lastIndexOf("error: the pass failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> output.toString().indexOf("demo-streaming ", failedAt) > 0);
        run.shutDown();

        assertThat(loop.get()).as(output.toString()).isZero();
    }

    @Test
    void aRevertBeyondTheRemovalLimitIsPrintedAsBlockedUntilItsCommitIsAllowed() throws Exception {
        assertThat(command(new RunCommand(), new StringWriter()).execute(runArguments("--once"))).isZero();
        RevCommit revert = world.specs().revertAndPush(declared);
        String commit = revert.getName().substring(0, 12);

        StringWriter held = new StringWriter();
        int heldExit = command(new RunCommand(), held).execute(runArguments("--once", "--max-removals", "0"));
        long liveWhileHeld = ledgerCounts().entrySet().stream().filter(e -> e.getKey().isLive())
                .mapToLong(Map.Entry::getValue).sum();
        StringWriter allowed = new StringWriter();
        int allowedExit = command(new RunCommand(), allowed).execute(runArguments("--once", "--max-removals", "0",
                "--allow-removal", commit));

        assertThat(heldExit).as(held.toString()).isZero();
        assertThat(held.toString()).contains("source: blocked: commit " + revert.getName().substring(0, 7)
                + " would remove 1 production (demo-streaming) and kill ", " (limits: 0 productions, 1000 jobs);"
                + " confirm with a merge commit trailer 'Prodctl-Allow-Removal: 1' or restart prodctl run with"
                + " --allow-removal " + commit + "; " + declared.getName().substring(0, 7) + " stays in force")
                .contains("demo-streaming");
        assertThat(liveWhileHeld).as("its jobs were not killed").isPositive();
        assertThat(allowedExit).as(allowed.toString()).isZero();
        assertThat(allowed.toString()).doesNotContain("blocked");
        assertThat(new ProductionRegistry(world.catalogs().ledger(), world.catalogs().retry()).find("demo-streaming")
                .orElseThrow().state()).isIn(ProductionState.REMOVING, ProductionState.REMOVED);
    }

    private void ledgerStatement(String sql) throws Exception {
        try (var c = world.catalogs().ledger().getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String[] runArguments(String... more) {
        String[] base = {"--specs", world.specs().url(), "--work", dir.resolve("run").toString(),
                "--payloads", world.root().resolve("payloads").toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private CommandLine command(Object command, StringWriter output) {
        if (command instanceof RunCommand run) {
            run.environment = environment;
        } else if (command instanceof StatusCommand status) {
            status.environment = environment;
        }
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));
        return cli;
    }

    private Map<LedgerState, Long> ledgerCounts() throws Exception {
        return new EnumMap<>(new JobLedger(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC())
                .counts("demo-streaming"));
    }
}
