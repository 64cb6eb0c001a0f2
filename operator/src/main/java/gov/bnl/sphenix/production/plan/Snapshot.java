package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An observation held in memory: for tests, simulations and small installations. Rows are grouped
 * by production and sorted on construction, so callers may pass them in any order.
 */
public record Snapshot(Instant now, BatchQueue queue, Map<String, List<Candidate>> candidates,
                       Map<String, List<LedgerRow>> ledger, Map<String, List<ExistingOutput>> outputs,
                       List<LiveJobInputs> liveJobInputList)
        implements Observation {

    public Snapshot {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(queue, "queue");
        candidates = sortedCopy(candidates, Candidate::key);
        ledger = sortedCopy(ledger, LedgerRow::key);
        outputs = sortedCopy(outputs, ExistingOutput::key);
        liveJobInputList = List.copyOf(liveJobInputList);
    }


    /** Builds a snapshot from flat lists, grouping each by the production of its key; no live job has recorded inputs. */
    public static Snapshot of(Instant now, BatchQueue queue, List<Candidate> candidates, List<LedgerRow> ledger,
                              List<ExistingOutput> outputs) {
        return new Snapshot(now, queue,
                byProduction(candidates, Candidate::key),
                byProduction(ledger, LedgerRow::key),
                byProduction(outputs, ExistingOutput::key), List.of());
    }

    /** The same snapshot with the inputs the ledger recorded for live jobs. */
    public Snapshot withLiveJobInputs(List<LiveJobInputs> live) {
        return new Snapshot(now, queue, candidates, ledger, outputs, live);
    }

    @Override
    public Stream<Candidate> candidates(String production) {
        return candidates.getOrDefault(production, List.of()).stream();
    }

    @Override
    public Stream<LedgerRow> ledger(String production) {
        return ledger.getOrDefault(production, List.of()).stream();
    }

    @Override
    public Stream<ExistingOutput> outputs(String production) {
        return outputs.getOrDefault(production, List.of()).stream();
    }

    @Override
    public Stream<LiveJobInputs> liveJobInputs() {
        return liveJobInputList.stream();
    }

    private static <T> Map<String, List<T>> byProduction(List<T> rows, Function<T, JobKey> key) {
        return rows.stream().collect(Collectors.groupingBy(r -> key.apply(r).production(), TreeMap::new, Collectors.toList()));
    }

    private static <T> Map<String, List<T>> sortedCopy(Map<String, List<T>> rows, Function<T, JobKey> key) {
        Map<String, List<T>> copy = new TreeMap<>();
        rows.forEach((production, list) -> {
            for (T row : list) {
                if (!key.apply(row).production().equals(production)) {
                    throw new IllegalArgumentException(key.apply(row) + " is filed under production " + production);
                }
            }
            copy.put(production, list.stream().sorted(Comparator.comparing(key)).toList());
        });
        return Collections.unmodifiableMap(copy);
    }
}
