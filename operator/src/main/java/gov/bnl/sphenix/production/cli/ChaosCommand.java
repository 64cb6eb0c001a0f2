package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.BatchSystems;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.tools.chaos.ChaosDatabase;
import gov.bnl.sphenix.production.tools.chaos.ChaosRun;
import gov.bnl.sphenix.production.tools.chaos.ChaosSettings;
import gov.bnl.sphenix.production.tools.chaos.ChaosWorld;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prodctl chaos}: {@code prodctl run} on a production world of the HTCondor pool, killed
 * with SIGKILL again and again (PostgreSQL and the schedd restarted under it now and then), then
 * left to converge and audited from the batch system's history, the ledger, the FileCatalog and
 * the disk. For the operator's developers and CI ({@code scripts/chaos.sh}); docs/operations.md.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Kill prodctl run with SIGKILL at random moments on a production world of the HTCondor pool,"
                + " then audit the world: no duplicate job, no lost output, no orphan job, every key done.",
                "The last line: chaos: <n> kills, <r> restarts, <d> duplicates, <l> lost outputs, <o> orphans,"
                        + " <k> keys done; exit 1 on any defect."},
        subcommands = ChaosAuditCommand.class)
final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "8 kills on 8 runs, PostgreSQL restarted twice: a few minutes, for CI.")
    boolean quick;

    @Option(names = "--rounds", description = "Kills (default: 100; 8 with --quick).")
    Integer rounds;

    @Option(names = "--runs", description = "Runs in the synthetic catalog (default: 30; 8 with --quick).")
    Integer runs;

    /** A synthetic catalog whose first runs are physics runs with all their files: the world always has work. */
    private static final long CATALOG_SEED = 20_250_701L;

    @Option(names = "--seed", description = "Seed of the kill moments (default: the time).")
    Long seed;

    @Option(names = "--schedd-restart", paramLabel = "COMMAND", description = "The command that restarts the schedd,"
            + " e.g. '$MINICONDOR_HOME/bin/pool-admin condor_restart -daemon schedd'; without it the schedd is left alone.")
    String scheddRestart;

    @Option(names = "--dir", description = "Where to build the world (default: prodctl-chaos-<time> in the pool's"
            + " shared directory); left for inspection (prodctl-run.log has every operator's output).")
    Path dir;

    @Option(names = "--specs", description = "The production-specs directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "production-specs")
    Path specs;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path root = DemoRoot.choose(Optional.ofNullable(dir), DemoRoot.poolShare(),
                Path.of(System.getProperty("java.io.tmpdir")), "prodctl-chaos-" + stamp);
        if (Files.exists(root) && Files.list(root).findAny().isPresent()) {
            System.err.println("prodctl chaos: " + root + " is not empty; give another --dir");
            return 2;
        }
        ChaosSettings settings = settings();
        long started = System.nanoTime();
        LocalPool.openToPoolJobs(root);
        ChaosWorld world = ChaosWorld.build(root, specs, runs != null ? runs : quick ? 8 : 30,
                CATALOG_SEED, "-" + stamp.substring(stamp.length() - 6));
        out.println("prodctl chaos: " + world.seeded() + "; productions " + String.join(", ", world.productions())
                + " in " + root);
        // a pool's jobs run as its own user: the job directories the operator makes must be open to them
        try (ChaosDatabase database = ChaosDatabase.start(ChaosWorld.database(root));
             BatchSystem batch = BatchSystems.open("condor", JobDirectories.worldWritable())) {
            Map<String, String> environment = new HashMap<>(database.environment());
            environment.put(JobDirectories.MODE_VARIABLE, "0777");
            ChaosRun run = new ChaosRun(root, database, batch, operatorCommand(world), environment, settings, out);
            out.println("prodctl chaos: " + settings.rounds() + " rounds; the operators' output goes to " + run.log());
            ChaosRun.ChaosOutcome outcome = run.run();
            outcome.problems().forEach(out::println);
            // anything still queued is this world's (its productions' names are its own): leave the pool clean
            world.productions().forEach(p -> batch.remove(Selection.production(p), "prodctl chaos is over"));
            out.printf("prodctl chaos: %d s in all; the world is in %s%n",
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), root);
            out.println(outcome.lastLine());
            return outcome.passed() ? 0 : 1;
        }
    }

    private ChaosSettings settings() {
        List<String> restart = scheddRestart == null || scheddRestart.isBlank() ? List.of()
                : Arrays.asList(scheddRestart.strip().split("\\s+"));
        return new ChaosSettings(rounds != null ? rounds : quick ? 8 : 100, quick ? 4 : 10, quick ? 5 : 25,
                Duration.ofMillis(500), Duration.ofSeconds(8), quick ? Duration.ofMinutes(3) : Duration.ofMinutes(10),
                seed != null ? seed : System.currentTimeMillis(), restart);
    }

    /**
     * {@code prodctl run} on the world, in a JVM like this one. A submission cut short by a kill is
     * waited for 20 s before its keys go again: far longer than the condor_submit the kill left
     * running takes, far shorter than the default, so that the run converges in minutes.
     */
    private static List<String> operatorCommand(ChaosWorld world) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Prodctl.class.getName(), "run",
                "--specs", world.specsUrl(), "--work", world.root().toString(),
                "--payloads", ChaosWorld.payloads(world.root()).toString(), "--batch", "condor",
                "--interval", "PT1S", "--limit", "staleSubmitting=20s"));
        return command;
    }
}
