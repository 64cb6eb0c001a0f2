package gov.bnl.sphenix.production.tools.bench;

import java.util.List;
import java.util.Locale;

/**
 * What {@link EngineBench} measured: the pass over the whole floor (its large history) with new
 * work, and the ratios of the large history's passes to the small one's, taken in the same run.
 *
 * @param pass            the pass over the large history with its new work
 * @param productions     productions on the floor
 * @param ledgerRows      rows in the ledger during that pass
 * @param queuedJobs      jobs of the floor in the queue during that pass
 * @param newWorkRatio    that pass over the same pass on the small history
 * @param steadyRatio     median pass without new work, large history over small
 * @param names           the productions' names (new in every run)
 */
public record EngineBenchResult(EnginePass pass, int productions, long ledgerRows, long queuedJobs, double newWorkRatio,
                                double steadyRatio, List<String> names) {

    public EngineBenchResult {
        names = List.copyOf(names);
    }

    /** How many times the pass read the queue ({@code condor_q}). */
    public long queueReads() {
        return pass.reads().queue();
    }

    /** How many times the pass read the history ({@code condor_history}). */
    public long historyReads() {
        return pass.reads().history();
    }

    public long millis() {
        return pass.millis();
    }

    public long heapMb() {
        return pass.heapMb();
    }

    /** The line the benchmark prints last. */
    public String line() {
        return String.format(Locale.ROOT, "engine: %d ms per pass over %d productions, %d ledger rows, %d queued jobs;"
                + " %d MB heap; %d queue reads", pass.millis(), productions, ledgerRows, queuedJobs, pass.heapMb(),
                pass.reads().queue());
    }
}
