package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.spec.load.Durations;
import java.time.Duration;

/** Intervals as resources write them ({@code 30s}, {@code 5m}, {@code 1h}), read like durations in specs. */
final class Intervals {

    static final Duration DEFAULT = Duration.ofMinutes(1);
    private static final Duration SHORTEST = Duration.ofSeconds(1);

    private Intervals() {
    }

    /** A bad or missing interval falls back to a minute; none is shorter than a second. */
    static Duration parse(String text) {
        return text == null ? DEFAULT : Durations.parse(text)
                .map(d -> d.compareTo(SHORTEST) < 0 ? SHORTEST : d)
                .orElse(DEFAULT);
    }
}
