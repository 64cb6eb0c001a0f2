package gov.bnl.sphenix.production.cli.bench;

import gov.bnl.sphenix.production.tools.bench.PlannerBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl bench plan}: the {@link PlannerBenchmark} on a synthetic production floor — by
 * default 100 productions, 1M ready keys, 1M ledger rows, 50k queue jobs. The last line is
 * {@code plan: <keys> keys in <ms> ms, <MB> MB heap, <submits> submits}.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Benchmark the planner on a synthetic production floor.")
public final class PlanBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "a reduced floor (10 productions, 100k keys) for CI")
    boolean quick;

    @Option(names = "--productions", description = "live productions (default 100, or 10 with --quick)")
    Integer productions;

    @Option(names = "--keys-per-production", description = "ready keys per production (default ${DEFAULT-VALUE})",
            defaultValue = "10000")
    int keysPerProduction;

    @Option(names = "--global-budget", description = "global queue budget (default ${DEFAULT-VALUE})",
            defaultValue = "80000")
    int globalBudget;

    @Override
    public Integer call() {
        int count = productions != null ? productions : quick ? 10 : 100;
        new PlannerBenchmark(spec.commandLine().getOut()).run(count, keysPerProduction, globalBudget);
        return 0;
    }

    /** Runs the benchmark without the rest of prodctl. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PlanBenchCommand()).execute(args));
    }
}
