package gov.bnl.sphenix.production.plan;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts for one production's status: job keys per {@link Tally}, and the most frequent reasons of
 * the jobs held right now (hold reasons belong in status, since events expire).
 */
public record ProductionSummary(String production, boolean removed, Map<Tally, Long> jobs,
                                Map<String, Long> holdReasons) {

    public ProductionSummary {
        Objects.requireNonNull(production, "production");
        EnumMap<Tally, Long> counts = new EnumMap<>(Tally.class);
        counts.putAll(jobs);
        jobs = Collections.unmodifiableMap(counts);
        holdReasons = Collections.unmodifiableMap(new LinkedHashMap<>(holdReasons));
    }

    public long count(Tally tally) {
        return jobs.getOrDefault(tally, 0L);
    }
}
