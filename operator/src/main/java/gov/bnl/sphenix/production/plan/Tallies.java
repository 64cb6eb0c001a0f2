package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Running counts for one production while its keys stream past. */
final class Tallies {

    /** Status shows the most frequent hold reasons, not every distinct text. */
    private static final int HOLD_REASONS_SHOWN = 10;

    private final String production;
    private final boolean removed;
    private final Map<Tally, Long> jobs = new EnumMap<>(Tally.class);
    private final Map<String, Long> holdReasons = new HashMap<>();

    Tallies(String production, boolean removed) {
        this.production = production;
        this.removed = removed;
    }

    void count(Tally tally) {
        jobs.merge(tally, 1L, Long::sum);
    }

    void count(Tally tally, long keys) {
        if (keys > 0) {
            jobs.merge(tally, keys, Long::sum);
        }
    }

    void countJob(BatchJob job) {
        switch (job.state()) {
            case QUEUED -> count(Tally.QUEUED);
            case RUNNING -> count(Tally.RUNNING);
            case HELD -> {
                count(Tally.HELD);
                job.hold().ifPresent(h -> holdReasons.merge(h.toString(), 1L, Long::sum));
            }
            case COMPLETED -> count(Tally.COMPLETED);
            case REMOVED -> count(Tally.KILLED);
        }
    }

    ProductionSummary summary() {
        Map<String, Long> top = new LinkedHashMap<>();
        holdReasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(HOLD_REASONS_SHOWN)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return new ProductionSummary(production, removed, jobs, top);
    }
}
