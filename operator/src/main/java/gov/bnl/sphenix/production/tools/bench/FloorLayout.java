package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where each production of the floor stands: its name, its slice of the catalog's runs, and its
 * earlier runs (below the catalog's), whose keys — every stream of a run, in order — carry its
 * queued jobs first, then its finished history, then the jobs that finish during the benchmark.
 */
final class FloorLayout {

    /** Earlier runs start here, far below the synthetic catalog's. */
    static final int EARLY_BASE = 20_000;

    /** Every stream of event building, as the product catalogue lists them. */
    static final List<String> STREAMS = streams();

    private final EngineFloor floor;
    private final String prefix;
    private final int firstRun;
    private final int lastRun;
    private final int earlyRunsEach;

    FloorLayout(EngineFloor floor, String prefix, int firstRun, int lastRun) {
        this.floor = floor;
        this.prefix = prefix;
        this.firstRun = firstRun;
        this.lastRun = lastRun;
        int earlyKeys = floor.queuedPerProduction() + floor.largeHistory() / floor.productions() + 2 * floor.finishing();
        this.earlyRunsEach = earlyKeys / STREAMS.size() + 1;
        if (EARLY_BASE + (long) earlyRunsEach * floor.productions() >= firstRun) {
            throw new IllegalArgumentException("the earlier runs of " + floor.productions() + " productions reach into"
                    + " the catalog's runs, which start at " + firstRun);
        }
    }

    EngineFloor floor() {
        return floor;
    }

    String name(int production) {
        return String.format(Locale.ROOT, "%s-%03d", prefix, production + 1);
    }

    String spec(int production) {
        int span = lastRun - firstRun + 1;
        int first = firstRun + (int) ((long) production * span / floor.productions());
        int last = firstRun + (int) ((long) (production + 1) * span / floor.productions()) - 1;
        int earlyFirst = EARLY_BASE + production * earlyRunsEach;
        return FloorSpecs.production(name(production), production + 1, earlyFirst, earlyFirst + earlyRunsEach - 1,
                first, last, floor.newKeys());
    }

    /** Keys {@code from} (inclusive) to {@code to} (exclusive) of a production's earlier runs. */
    List<JobKey> earlyKeys(int production, int from, int to) {
        List<JobKey> keys = new ArrayList<>(Math.max(0, to - from));
        int base = EARLY_BASE + production * earlyRunsEach;
        for (int k = from; k < to; k++) {
            keys.add(JobKey.ofLeaf(name(production), base + k / STREAMS.size(), 0, STREAMS.get(k % STREAMS.size())));
        }
        return keys;
    }

    /** History keys {@code from} to {@code to} of a production: finished long ago, one in 33 failed. */
    List<FloorLedger.Row> history(Production production, int from, int to) {
        int index = index(production.name());
        int queued = floor.queuedPerProduction();
        Instant longAgo = Instant.now().minus(Duration.ofDays(60));
        List<FloorLedger.Row> rows = new ArrayList<>(Math.max(0, to - from));
        List<JobKey> keys = earlyKeys(index, queued + from, queued + to);
        for (int k = 0; k < keys.size(); k++) {
            LedgerState state = (from + k) % 33 == 32 ? LedgerState.FAILED : LedgerState.SUCCEEDED;
            rows.add(new FloorLedger.Row(keys.get(k), production.namespace(), state, Optional.empty(), "bench-history",
                    longAgo.plus(Duration.ofMinutes(from + k))));
        }
        return rows;
    }

    /** The first key past the large history: where the jobs that finish during the benchmark go. */
    int finishingFrom() {
        return floor.queuedPerProduction() + floor.largeHistory() / floor.productions();
    }

    int index(String name) {
        return Integer.parseInt(name.substring(prefix.length() + 1)) - 1;
    }

    private static List<String> streams() {
        List<String> streams = new ArrayList<>();
        for (int ebdc = 0; ebdc < 24; ebdc++) {
            streams.add(String.format(Locale.ROOT, "ebdc%02d_0", ebdc));
            streams.add(String.format(Locale.ROOT, "ebdc%02d_1", ebdc));
        }
        for (int intt = 0; intt < 8; intt++) {
            streams.add("intt" + intt);
        }
        for (int mvtx = 0; mvtx < 6; mvtx++) {
            streams.add("mvtx" + mvtx);
        }
        streams.add("ebdc39");
        return List.copyOf(streams);
    }
}
