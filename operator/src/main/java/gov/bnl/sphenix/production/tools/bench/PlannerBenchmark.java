package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.plan.Action;
import gov.bnl.sphenix.production.plan.Plan;
import gov.bnl.sphenix.production.plan.Planner;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * One planning pass over a synthetic production floor ({@link SyntheticWorld}), timed, with the
 * peak heap it took. The observation streams its rows as a database cursor would, so the heap
 * reported is what planning needs. The last line is
 * {@code plan: <keys> keys in <ms> ms, <MB> MB heap, <submits> submits}.
 */
public final class PlannerBenchmark {

    private final PrintWriter out;

    public PlannerBenchmark(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param productions live productions on the floor
     * @param keysPerProduction ready keys per production
     * @param globalBudget the planner's global queue budget
     */
    public void run(int productions, int keysPerProduction, int globalBudget) {
        Planner planner = new Planner(PlannerSettings.DEFAULTS.withGlobalQueueBudget(globalBudget));

        // a smaller pass first, so that the measured one runs compiled code as the operator would
        SyntheticWorld warmUp = new SyntheticWorld(Math.max(1, productions / 10), keysPerProduction);
        planner.plan(warmUp.desired(), warmUp);

        SyntheticWorld world = new SyntheticWorld(productions, keysPerProduction);
        System.gc();
        List<MemoryPoolMXBean> heap = heapPools();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Plan plan = planner.plan(world.desired(), world);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peakMb = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);

        long keys = (long) productions * keysPerProduction;
        int submits = plan.submittedKeys().size();
        out.printf("floor: %d productions, %d ready keys, %d ledger rows, %d queue jobs, %d removed productions%n",
                productions, keys, keys, world.queue().jobs().size(), world.desired().removed().size());
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
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
