package gov.bnl.sphenix.production.k8s.reconcile;

import java.time.Duration;

/** Intervals as resources write them: {@code 30s}, {@code 5m}, {@code 1h}; a bad one falls back to a minute. */
final class Intervals {

    static final Duration DEFAULT = Duration.ofMinutes(1);

    private Intervals() {
    }

    static Duration parse(String text) {
        if (text == null || !text.matches("[0-9]+[smh]")) {
            return DEFAULT;
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(Math.max(1, n));
            case 'm' -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
