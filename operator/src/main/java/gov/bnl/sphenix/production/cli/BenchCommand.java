package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.cli.bench.CatalogBenchCommand;
import gov.bnl.sphenix.production.cli.bench.HarvestBenchCommand;
import gov.bnl.sphenix.production.cli.bench.MetricsBenchCommand;
import gov.bnl.sphenix.production.cli.bench.PlanBenchCommand;
import gov.bnl.sphenix.production.cli.bench.SubmitBenchCommand;
import gov.bnl.sphenix.production.cli.bench.EngineBenchCommand;
import gov.bnl.sphenix.production.cli.bench.WrapperBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code prodctl bench ...}: the benchmarks behind docs/benchmarks.md, runnable by anyone. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; --quick runs a reduced version in under a minute.",
        subcommands = {CatalogBenchCommand.class, PlanBenchCommand.class, SubmitBenchCommand.class,
                HarvestBenchCommand.class, MetricsBenchCommand.class, EngineBenchCommand.class,
                WrapperBenchCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
