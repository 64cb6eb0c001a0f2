package gov.bnl.sphenix.production.tools.bench;

import java.util.Locale;

/**
 * What a catalog benchmark measured.
 *
 * @param readinessMillis    one full readiness pass over the run set, segment 0 (median of the timed passes)
 * @param runs               runs in the run set
 * @param runsExamined       of those, runs that passed the run cuts
 * @param candidates         candidates handed out by one pass
 * @param readinessAllMillis one pass over every segment
 * @param candidatesAll      candidates handed out by that pass
 * @param liveHeapGrowthBytes most the live heap (after a forced GC) stood above its level before a pass
 * @param changedAllMillis   a pass over every segment with a memory, after a few runs changed (keys done in the ledger)
 * @param registeredPerSecond outputs per second through the bulk registration path
 * @param copiedPerSecond     the same rows per second through plain COPY into identical tables
 */
public record BenchResult(long readinessMillis, int runs, long runsExamined, long candidates,
                          long readinessAllMillis, long candidatesAll, long liveHeapGrowthBytes, long changedAllMillis,
                          double registeredPerSecond, double copiedPerSecond) {

    public double ratio() {
        return registeredPerSecond / copiedPerSecond;
    }

    /** The summary line the benchmark prints last. */
    public String line() {
        return String.format(Locale.ROOT, "catalog: readiness %d ms for %d runs; registration %.0f files/s = %.2f of COPY",
                readinessMillis, runs, registeredPerSecond, ratio());
    }
}
