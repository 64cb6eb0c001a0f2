package gov.bnl.sphenix.production.cli.bench;

import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.tools.bench.HarvestBench;
import gov.bnl.sphenix.production.tools.bench.ScratchDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl bench harvest}: the {@link HarvestBench}, files per second from finished
 * multi-output jobs of sphenixprod's convention to registered and renamed, against as many raw
 * renames plus COPY in the same run. The last line is
 * {@code harvest: <files> files of <jobs> jobs, <files/s> files/s = <ratio> of rename + COPY}.
 */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = {"Harvest throughput of multi-output jobs against raw renames plus COPY of the same rows.",
                "Runs on a fresh embedded PostgreSQL, in a scratch directory it removes."})
public final class HarvestBenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "1,000 jobs a round (default: 2,000).")
    boolean quick;

    @Option(names = "--jobs", description = "Finished jobs a round (overrides --quick's 1,000).")
    Integer jobs;

    @Option(names = "--segments", description = "DST segments a job writes, each with its HIST (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int segments;

    @Option(names = "--work-dir", description = "Where the staging and final trees go (default: the temporary directory).")
    Path workDir;

    @Spec
    CommandSpec spec;

    /** Runs the benchmark without the rest of prodctl. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new HarvestBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        int count = jobs != null ? jobs : quick ? 1_000 : 2_000;
        PrintWriter out = spec.commandLine().getOut();
        HarvestBench.Result result;
        try (ScratchDirectory scratch = ScratchDirectory.in(workDir != null ? workDir
                : Path.of(System.getProperty("java.io.tmpdir")), "bench-harvest-");
             Catalogs catalogs = Catalogs.open(CatalogSettings.embedded())) {
            result = new HarvestBench(catalogs, scratch.path(), out).run(count, segments);
        }
        // after the pools and the server are closed, so that nothing prints after it
        out.println(result.line());
        out.flush();
        return 0;
    }
}
