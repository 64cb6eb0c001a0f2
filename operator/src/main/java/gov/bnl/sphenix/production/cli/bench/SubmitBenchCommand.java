package gov.bnl.sphenix.production.cli.bench;

import gov.bnl.sphenix.production.batch.ChildEnvironment;
import gov.bnl.sphenix.production.batch.Health;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.batch.JobOutput;
import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.Payload;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import gov.bnl.sphenix.production.tools.bench.SubmitBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl bench submit}: the {@link SubmitBenchmark}, jobs per second submitted through the
 * HTCondor adapter against a raw {@code condor_submit} of the same description.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submission throughput: the HTCondor adapter against raw condor_submit of the same description.",
                "Needs a pool (scripts/minicondor.sh up); prints a skip line without one."})
public final class SubmitBenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "1,000 jobs, 3 rounds (default: 5,000 jobs, 5 rounds).")
    boolean quick;

    @Option(names = "--jobs", description = "Jobs per submission (overrides --quick's 1,000).")
    Integer jobs;

    @Option(names = "--condor-prefix", description = "Command prefix for the HTCondor tools "
            + "(default: $CONDOR_COMMAND_PREFIX, else $MINICONDOR_HOME/bin/in-pool when it exists, else none).")
    String prefix;

    @Option(names = "--work-dir", description = "A directory the pool's jobs can see "
            + "(default: $MINICONDOR_HOME/share, else the temporary directory).")
    Path workDir;

    @Spec
    CommandSpec spec;

    /** Runs the benchmark on its own: {@code java -cp prodctl.jar gov.bnl.sphenix.production.cli.bench.SubmitBenchCommand --quick}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new SubmitBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        int count = jobs != null ? jobs : quick ? 1_000 : 5_000;
        int rounds = quick ? 3 : 5;
        new SubmitBenchmark(commandPrefix(), workDirectory(), spec.commandLine().getOut()).run(count, rounds);
        return 0;
    }

    private List<String> commandPrefix() {
        if (prefix != null) {
            return prefix.isBlank() ? List.of() : List.of(prefix);
        }
        return LocalPool.commandPrefix();
    }

    private Path workDirectory() {
        if (workDir != null) {
            return workDir;
        }
        return LocalPool.sharedDirectory();
    }
}
