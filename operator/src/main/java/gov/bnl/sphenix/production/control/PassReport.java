package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.control.events.EngineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One engine pass: its number (passes of one engine count up from 1; 0 for "nothing in force"),
 * when it started, the revision it worked towards, each production's status afterwards, the
 * events it produced, what it did in numbers, and what stopped it, if anything.
 */
public record PassReport(long sequence, Instant startedAt, Optional<String> revision, List<ProductionStanding> statuses,
                         List<EngineEvent> events, Map<String, ProductionActivity> activity, List<String> errors) {

    public PassReport {
        Objects.requireNonNull(startedAt, "startedAt");
        activity = Map.copyOf(activity);
        statuses = List.copyOf(statuses);
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }

    /** Every production's activity of this pass added up. */
    public ProductionActivity totalActivity() {
        return activity.values().stream().reduce(ProductionActivity.NONE, ProductionActivity::plus);
    }

    public ProductionActivity activity(String production) {
        return activity.getOrDefault(production, ProductionActivity.NONE);
    }

    public Optional<ProductionStanding> status(String production) {
        return statuses.stream().filter(s -> s.production().equals(production)).findFirst();
    }
}
