package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.RunSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What readiness remembers between passes so that a pass reads the catalog rows only of the runs
 * whose inputs changed: per production (its request, runs aside) and run, the hosts and the
 * {@link RunSignature} the run was decided from and its candidates. A run whose hosts and
 * signature are unchanged gets its remembered candidates; the evaluator is pure, so they are the
 * ones reading its rows again would give.
 *
 * <p>Bounded: at most {@code maxCandidates} candidates (each run counting one more) are held in
 * all. When a run does not fit, productions not asked about for the longest time are forgotten
 * first, then the run itself is not remembered and is read again next pass. Candidates the sink
 * says need not be handed out again ({@link ReadyJobSink#remember}) are not held. Safe to share
 * between threads.
 */
public final class ReadinessMemory {

    /**
     * About 80 MB: a remembered candidate of the streaming combiner, with its input names, weighs
     * ~200 bytes. Enough for segment 0 of 10,000 runs (290,000 candidates); a memory too small for
     * its production costs more than none, as the runs that do not fit pay for their signature and
     * their rows.
     */
    public static final long DEFAULT_CANDIDATES = 400_000;

    private final long maxCandidates;
    private final LinkedHashMap<ReadinessRequest, Map<Integer, RunMemo>> productions = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    public ReadinessMemory(long maxCandidates) {
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("a readiness memory holds at least one candidate, got " + maxCandidates);
        }
        this.maxCandidates = maxCandidates;
    }

    /** What the memory is keyed by: the request with its runs aside, so a production whose run set grows keeps its memory. */
    static ReadinessRequest keyOf(ReadinessRequest request) {
        return request.withRuns(RunSet.EMPTY);
    }

    /** The candidates remembered for {@code run}, or {@code null} when it is unknown or was decided from other hosts or rows. */
    synchronized List<ReadyJob> recall(ReadinessRequest key, QualifiedRun run, RunSignature signature) {
        Map<Integer, RunMemo> runs = productions.get(key);
        RunMemo memo = runs == null ? null : runs.get(run.run());
        return memo != null && memo.decidedFrom(run, signature) ? memo.candidates() : null;
    }

    synchronized void remember(ReadinessRequest key, QualifiedRun run, RunSignature signature, List<ReadyJob> candidates) {
        Map<Integer, RunMemo> runs = productions.computeIfAbsent(key, k -> new HashMap<>());
        RunMemo old = runs.remove(run.run());
        if (old != null) {
            held -= old.cost();
        }
        RunMemo memo = new RunMemo(run.hosts(), signature, candidates);
        if (!makeRoom(key, memo.cost())) {
            return;
        }
        runs.put(run.run(), memo);
        held += memo.cost();
    }

    /** After a complete pass: runs it did not see (no longer passing the cuts, out of the run set) are forgotten. */
    synchronized void keepOnly(ReadinessRequest key, Set<Integer> seen) {
        Map<Integer, RunMemo> runs = productions.get(key);
        if (runs == null) {
            return;
        }
        Iterator<Map.Entry<Integer, RunMemo>> it = runs.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, RunMemo> entry = it.next();
            if (!seen.contains(entry.getKey())) {
                held -= entry.getValue().cost();
                it.remove();
            }
        }
    }

    /** Candidates held in all, each run counting one more. */
    public synchronized long held() {
        return held;
    }

    /** Forgets everything: the next pass reads every run. */
    public synchronized void clear() {
        productions.clear();
        held = 0;
    }

    private boolean makeRoom(ReadinessRequest key, long cost) {
        Iterator<Map.Entry<ReadinessRequest, Map<Integer, RunMemo>>> eldest = productions.entrySet().iterator();
        while (held + cost > maxCandidates && eldest.hasNext()) {
            Map.Entry<ReadinessRequest, Map<Integer, RunMemo>> production = eldest.next();
            if (!production.getKey().equals(key)) {
                held -= production.getValue().values().stream().mapToLong(RunMemo::cost).sum();
                eldest.remove();
            }
        }
        return held + cost <= maxCandidates;
    }
}
