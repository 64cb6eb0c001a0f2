package gov.bnl.sphenix.production.catalog.bench;

import gov.bnl.sphenix.production.catalog.readiness.Candidate;
import gov.bnl.sphenix.production.catalog.readiness.RawRequest;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessSummary;
import gov.bnl.sphenix.production.catalog.readiness.RunCuts;
import gov.bnl.sphenix.production.catalog.readiness.SegmentWindow;
import gov.bnl.sphenix.production.catalog.seed.DaqStream;
import gov.bnl.sphenix.production.catalog.seed.SphenixDaq;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Times full readiness passes of the streaming-event combiner (every tracking stream, the trigger
 * required) over a run set, and watches the heap while candidates stream by.
 */
final class ReadinessBench {

    private static final int TIMED_PASSES = 3;
    private static final int SAMPLE_EVERY = 10_000;

    /** One pass: how long, what it found, how far the heap grew. */
    record Pass(long millis, ReadinessSummary summary, long heapGrowth) {
    }

    private final Readiness readiness;
    private final RunSet runs;

    ReadinessBench(Readiness readiness, RunSet runs) {
        this.readiness = readiness;
        this.runs = runs;
    }

    static RawRequest streamingEvents(RunSet runs, SegmentWindow segments) {
        List<String> leaves = SphenixDaq.tracking().stream().map(DaqStream::name).toList();
        return new RawRequest("DST_STREAMING_EVENT", runs, RunOrder.NEWEST_FIRST,
                new RunCuts("physics", 100_000, Duration.ofMinutes(5)), segments, true, leaves,
                List.of(SphenixDaq.GL1), false);
    }

    /** A warm-up pass, then the median of the timed ones. */
    Pass medianPass(SegmentWindow segments) throws SQLException {
        pass(segments);
        Pass[] timed = new Pass[TIMED_PASSES];
        for (int i = 0; i < TIMED_PASSES; i++) {
            timed[i] = pass(segments);
        }
        Arrays.sort(timed, (a, b) -> Long.compare(a.millis, b.millis));
        long heap = Arrays.stream(timed).mapToLong(Pass::heapGrowth).max().orElse(0);
        return new Pass(timed[TIMED_PASSES / 2].millis, timed[TIMED_PASSES / 2].summary, heap);
    }

    Pass pass(SegmentWindow segments) throws SQLException {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long[] peak = {before};
        long[] seen = {0};
        long started = System.nanoTime();
        ReadinessSummary summary = readiness.find(streamingEvents(runs, segments), (Candidate candidate) -> {
            if (++seen[0] % SAMPLE_EVERY == 0) {
                peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory());
            }
            return true;
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Pass(millis, summary, Math.max(0, peak[0] - before));
    }
}
