package gov.bnl.sphenix.production.cli.bench;

import gov.bnl.sphenix.production.tools.bench.WrapperBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code prodctl bench wrapper}: the {@link WrapperBenchmark}, what the job wrapper costs per job. */
@Command(name = "wrapper", mixinStandardHelpOptions = true,
        description = {"The job wrapper's cost per job: the shell wrapper against the payload alone, and against",
                "the Java wrapper of an earlier prodctl.jar given with --old-jar."})
public final class WrapperBenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "10 runs of each (default: 50).")
    boolean quick;

    @Option(names = "--runs", description = "Runs of each (overrides --quick).")
    Integer runs;

    @Option(names = "--old-jar", description = "A prodctl.jar with the Java job wrapper (releases before the shell wrapper).")
    Path oldJar;

    @Option(names = "--java", defaultValue = "java", description = "The java that runs --old-jar (default: ${DEFAULT-VALUE}).")
    String java;

    @Option(names = "--work-dir", description = "Where the jobs write (default: the temporary directory).")
    Path workDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (oldJar != null && !Files.isRegularFile(oldJar)) {
            throw new ParameterException(spec.commandLine(), "--old-jar " + oldJar + " is not a file");
        }
        Path work = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        new WrapperBenchmark(work, Optional.ofNullable(oldJar), java, spec.commandLine().getOut())
                .run(runs != null ? runs : quick ? 10 : 50);
        return 0;
    }
}
