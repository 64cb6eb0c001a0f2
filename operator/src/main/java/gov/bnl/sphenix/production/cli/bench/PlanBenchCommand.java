package gov.bnl.sphenix.production.cli.bench;

import gov.bnl.sphenix.production.plan.Action;
import gov.bnl.sphenix.production.plan.Plan;
import gov.bnl.sphenix.production.plan.Planner;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl bench plan}: one planning pass over a synthetic production floor — by default
 * 100 productions, 1M ready keys, 1M ledger rows, 50k queue jobs. The observation streams its rows
 * as a database cursor would, so the heap reported is what planning needs. The last line is
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
        Planner planner = new Planner(PlannerSettings.DEFAULTS.withGlobalQueueBudget(globalBudget));

        // a smaller pass first, so that the measured one runs compiled code as the operator would
        SyntheticWorld warmUp = new SyntheticWorld(Math.max(1, count / 10), keysPerProduction);
        planner.plan(warmUp.desired(), warmUp);

        SyntheticWorld world = new SyntheticWorld(count, keysPerProduction);
        System.gc();
        List<MemoryPoolMXBean> heap = heapPools();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Plan plan = planner.plan(world.desired(), world);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peakMb = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);

        PrintWriter out = spec.commandLine().getOut();
        long keys = (long) count * keysPerProduction;
        int submits = plan.submittedKeys().size();
        out.printf("floor: %d productions, %d ready keys, %d ledger rows, %d queue jobs, %d removed productions%n",
                count, keys, keys, world.queue().jobs().size(), world.desired().removed().size());
        out.printf("plan: %d actions (%d submit, %d release, %d kill, %d failed, %d adopt, %d reset,"
                        + " %d delete for %d keys, %d blocked deletions)%n",
                plan.actions().size(), plan.actionsOf(Action.Submit.class).size(), plan.actionsOf(Action.Release.class).size(),
                plan.actionsOf(Action.Kill.class).size(), plan.actionsOf(Action.MarkFailed.class).size(),
                plan.actionsOf(Action.Adopt.class).size(), plan.actionsOf(Action.ResetStale.class).size(),
                plan.actionsOf(Action.DeleteOutputs.class).size(),
                plan.actionsOf(Action.DeleteOutputs.class).stream().mapToInt(d -> d.keys().size()).sum(),
                plan.actionsOf(Action.BlockedDeletion.class).size());
        out.printf("heap: peak %d MB used while planning (garbage included; max heap %d MB)%n",
                peakMb, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.printf("plan: %d keys in %d ms, %d MB heap, %d submits%n", keys, millis, peakMb, submits);
        out.flush();
        return 0;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Runs the benchmark without the rest of prodctl. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PlanBenchCommand()).execute(args));
    }
}
