package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.catalog.readiness.SegmentWindow;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.tools.seed.CatalogSeeder;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.seed.SeedSummary;
import gov.bnl.sphenix.production.spec.RunSet;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The catalog benchmark: seed a synthetic catalog, time readiness over every run of it, then
 * compare registration through the bulk path with plain COPY of the same rows, and weigh the
 * registered outputs' runs against the DAQ as each pass does. It replaces the
 * catalogs' contents, so it runs on the embedded server or a scratch database only.
 */
public final class CatalogBenchmark {

    /**
     * Rounds of COPY-then-bulk, each into emptied tables. Each path is credited with its best round:
     * on a shared machine a neighbour's burst slows one round, never speeds one up.
     */
    private static final int REGISTRATION_ROUNDS = 3;

    /** Runs whose inputs change between two passes of readiness with a memory. */
    private static final int CHANGED_RUNS = 5;

    private final Catalogs catalogs;
    private final PrintStream out;

    public CatalogBenchmark(Catalogs catalogs, PrintStream out) {
        this.catalogs = catalogs;
        this.out = out;
    }

    public BenchResult run(BenchSize size) throws SQLException {
        long started = System.nanoTime();
        SeedSpec spec = SeedSpec.of(size.seed(), size.runs(), size.rawFiles());
        SeedSummary seeded = new CatalogSeeder(catalogs.daq(), catalogs.rawdata()).seed(spec, true);
        out.printf(Locale.ROOT, "seeded in %.1f s: %s%n", seconds(started), seeded);

        RunSet runs = RunSet.range(seeded.firstRun(), seeded.lastRun());
        ReadinessBench readiness = new ReadinessBench(Readiness.of(catalogs), runs);
        ReadinessBench.Pass first = readiness.medianPass(SegmentWindow.FIRST_ONLY);
        out.printf(Locale.ROOT, "readiness, segment 0: %d ms (median of 3 after a warm-up); %d runs in the set,"
                        + " %d pass the cuts, %d ready, %d candidates%n", first.millis(), size.runs(),
                first.summary().runsExamined(), first.summary().runsReady(), first.summary().candidates());
        ReadinessBench.Reasons reasons = readiness.reasons(SegmentWindow.FIRST_ONLY);
        out.printf(Locale.ROOT, "reasons, segment 0: %d ms after readiness with its ready runs known (what a pass adds),"
                        + " %d ms from scratch (prodctl why); %s%n", reasons.knownReadyMillis(), reasons.fromScratchMillis(),
                reasons.waiting().summary());
        ReadinessBench.Pass all = readiness.pass(SegmentWindow.ALL);
        out.printf(Locale.ROOT, "readiness, all segments: %d ms; %d ready, %d candidates%n",
                all.millis(), all.summary().runsReady(), all.summary().candidates());
        long liveGrowth = Math.max(readiness.liveHeapGrowth(SegmentWindow.FIRST_ONLY, first.summary().candidates()),
                readiness.liveHeapGrowth(SegmentWindow.ALL, all.summary().candidates()));
        out.printf(Locale.ROOT, "readiness memory: live heap grew at most %.1f MiB during a pass (sampled after forced GCs)%n",
                liveGrowth / 1048576.0);

        RememberingBench remembering = new RememberingBench(Readiness.of(catalogs), catalogs.rawdata(), runs);
        RememberingBench.Result firstOnly = remembering.run(SegmentWindow.FIRST_ONLY, CHANGED_RUNS, false);
        report("segment 0", firstOnly);
        RememberingBench.Result allDone = remembering.run(SegmentWindow.ALL, CHANGED_RUNS, true);
        report("all segments, keys done in the ledger", allDone);

        RegistrationBench registration = new RegistrationBench(catalogs.fileCatalog(), size.batch());
        List<CatalogedOutput> outputs = RegistrationBench.outputs(size.outputs(), spec.firstRun(), size.seed());
        double bulk = 0;
        double copy = 0;
        for (int round = 1; round <= REGISTRATION_ROUNDS; round++) {
            double copyRound = registration.copy(outputs);
            double bulkRound = registration.bulk(outputs);
            out.printf(Locale.ROOT, "registration round %d: %d outputs in batches of %d: bulk %.0f files/s, COPY %.0f files/s%n",
                    round, outputs.size(), size.batch(), bulkRound, copyRound);
            copy = Math.max(copy, copyRound);
            bulk = Math.max(bulk, bulkRound);
        }
        DaqComparisonBench.Result daq = new DaqComparisonBench(EventsAgainstDaq.of(catalogs)).run(outputs);
        out.printf(Locale.ROOT, "events against the DAQ: %d ms in a pass (one DAQ statement, the outputs' events as the"
                        + " pass read them), %d ms from scratch (prodctl why) for %d runs with %d outputs (median of 5"
                        + " after a warm-up); %s%n", daq.passMillis(), daq.whyMillis(), daq.runs(), daq.outputs(),
                daq.comparison().summary());
        out.printf(Locale.ROOT, "benchmark took %.1f s%n", seconds(started));
        return new BenchResult(first.millis(), size.runs(), first.summary().runsExamined(), first.summary().candidates(),
                all.millis(), all.summary().candidates(), liveGrowth, allDone.changed().millis(), bulk, copy);
    }

    private void report(String what, RememberingBench.Result r) {
        out.printf(Locale.ROOT, "readiness remembering, %s: first pass %d ms; nothing changed %d ms (%d of %d runs recalled);"
                        + " %d runs changed %d ms (%d runs read, %d candidates%s); memory held %d candidates, %.1f MiB%n",
                what, r.first().millis(), r.unchanged().millis(), r.unchanged().summary().runsRemembered(),
                r.unchanged().summary().runsExamined(), r.runsChanged(), r.changed().millis(), r.changed().summary().runsRead(),
                r.changed().summary().candidates(),
                r.freshCandidates() < 0 ? ", those of the changed runs" : ", a pass without memory: " + r.freshCandidates(),
                r.held(), r.heldBytes() / 1048576.0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
