package gov.bnl.sphenix.production.cli.bench;

import gov.bnl.sphenix.production.batch.BatchSystems;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.tools.bench.EngineBench;
import gov.bnl.sphenix.production.tools.bench.EngineFloor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl bench engine}: the {@link EngineBench}, whole engine passes over a busy week's
 * production floor in a real HTCondor pool.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {"Whole engine passes (queue read, harvest, observation, plan, act, ledger sync, status) over a"
                + " busy week: 100 productions, 10M raw files over 10,000 runs, 1M ledger rows, 50,000 queued jobs.",
                "Needs a pool (scripts/minicondor.sh up); prints a skip line without one. Its jobs never start,"
                        + " and are removed at the end."})
public final class EngineBenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "10 productions, 1M raw files over 1,000 runs, 5,000 queued jobs.")
    boolean quick;

    @Option(names = "--specs", description = "The production-specs directory (rules and product catalogue;"
            + " default: ${DEFAULT-VALUE}).", defaultValue = "production-specs")
    Path specs;

    @Option(names = "--condor-prefix", description = "Command prefix for the HTCondor tools "
            + "(default: $CONDOR_COMMAND_PREFIX, else $MINICONDOR_HOME/bin/in-pool when it exists, else none).")
    String prefix;

    @Option(names = "--work-dir", description = "A directory the pool's schedd can write in "
            + "(default: $MINICONDOR_HOME/share, else the temporary directory).")
    Path workDir;

    @Spec
    CommandSpec spec;

    /** Runs the benchmark on its own: {@code java -cp prodctl.jar gov.bnl.sphenix.production.cli.bench.EngineBenchCommand --quick}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new EngineBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(specs.resolve("catalogue.yaml"))) {
            spec.commandLine().getErr().println("prodctl bench engine: " + specs + " holds no catalogue.yaml;"
                    + " run from the repository root or give --specs");
            return 2;
        }
        List<String> words = prefix == null ? LocalPool.commandPrefix() : prefix.isBlank() ? List.of() : List.of(prefix);
        Path work = workDir != null ? workDir : LocalPool.sharedDirectory();
        EngineBench bench = new EngineBench(data -> new CondorBatchSystem(BatchSystems.condorSettings(words,
                Optional.empty()), JobDirectories.worldWritable()), specs.toAbsolutePath(), work, out);
        bench.run(quick ? EngineFloor.QUICK : EngineFloor.FULL);
        return 0;
    }
}
