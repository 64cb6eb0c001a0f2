package gov.bnl.sphenix.production.plan;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The per-production counts of a pass, by production name, and whether the queue could be read. */
public record Summary(boolean queueReadable, Map<String, ProductionSummary> productions) {

    public Summary {
        productions = Collections.unmodifiableMap(new TreeMap<>(productions));
    }

    public ProductionSummary of(String production) {
        ProductionSummary s = productions.get(production);
        if (s == null) {
            throw new IllegalArgumentException("no summary for production " + production);
        }
        return s;
    }
}
