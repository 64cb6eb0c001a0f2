package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.catalog.readiness.RawRequest;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessSummary;
import gov.bnl.sphenix.production.catalog.readiness.ReadyJob;
import gov.bnl.sphenix.production.catalog.readiness.ReasonRequest;
import gov.bnl.sphenix.production.catalog.readiness.RunCuts;
import gov.bnl.sphenix.production.catalog.readiness.RunVerdict;
import gov.bnl.sphenix.production.catalog.readiness.SegmentWindow;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.tools.seed.DaqStream;
import gov.bnl.sphenix.production.tools.seed.SphenixDaq;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Times full readiness passes of the streaming-event combiner (every tracking stream, the trigger
 * required) over a run set, and watches the heap while candidates stream by.
 */
final class ReadinessBench {

    private static final int TIMED_PASSES = 3;
    private static final int LIVE_SAMPLES = 8;

    /** One timed pass: how long and what it found. */
    record Pass(long millis, ReadinessSummary summary) {
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
        return timed[TIMED_PASSES / 2];
    }

    Pass pass(SegmentWindow segments) throws SQLException {
        long started = System.nanoTime();
        ReadinessSummary summary = readiness.find(streamingEvents(runs, segments), (ReadyJob candidate) -> true);
        return new Pass((System.nanoTime() - started) / 1_000_000, summary);
    }

    /**
     * Why the runs wait, timed as a pass pays for it (after readiness, its ready runs known) and
     * as {@code prodctl why} does (from scratch); the median of three each, after a warm-up.
     *
     * @return the two timings in milliseconds: {known ready, from scratch}, and the waiting runs counted
     */
    Reasons reasons(SegmentWindow segments) throws SQLException {
        RawRequest request = streamingEvents(runs, segments);
        ReasonRequest reasons = new ReasonRequest(request, request.leaves());
        Set<Integer> ready = new HashSet<>();
        readiness.find(request, candidate -> ready.add(candidate.run()) || true);
        long[] known = new long[TIMED_PASSES];
        long[] scratch = new long[TIMED_PASSES];
        List<RunVerdict> verdicts = readiness.reasons(reasons, ready);
        for (int i = 0; i < TIMED_PASSES; i++) {
            long started = System.nanoTime();
            verdicts = readiness.reasons(reasons, ready);
            known[i] = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            readiness.reasons(reasons, Set.of());
            scratch[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(known);
        Arrays.sort(scratch);
        return new Reasons(known[TIMED_PASSES / 2], scratch[TIMED_PASSES / 2], WaitingCounts.of(verdicts));
    }

    /** What telling why the runs wait costs: with the pass's ready runs known, and from scratch. */
    record Reasons(long knownReadyMillis, long fromScratchMillis, WaitingCounts waiting) {
    }

    /**
     * An untimed pass that measures what a pass keeps alive: a few times during the pass the heap is
     * collected and the live data weighed. Returns the most it stood above the level before the pass.
     * If readiness held the catalog (or the candidates) in memory, this would grow with it.
     */
    long liveHeapGrowth(SegmentWindow segments, long expectedCandidates) throws SQLException {
        long sampleEvery = Math.max(1, expectedCandidates / LIVE_SAMPLES);
        long before = liveHeap();
        long[] peak = {before};
        long[] seen = {0};
        readiness.find(streamingEvents(runs, segments), (ReadyJob candidate) -> {
            if (++seen[0] % sampleEvery == 0) {
                peak[0] = Math.max(peak[0], liveHeap());
            }
            return true;
        });
        return Math.max(0, peak[0] - before);
    }

    static long liveHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
