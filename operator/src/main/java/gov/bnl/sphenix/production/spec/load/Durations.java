package gov.bnl.sphenix.production.spec.load;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, {@code 0}; at
 * most {@link #MAX} (a longer one is a typo, and would overflow the arithmetic done with it).
 */
public final class Durations {

    /** A hundred years. */
    public static final Duration MAX = Duration.ofDays(36_500);

    /** Nine digits are more than {@link #MAX} in seconds, and never overflow a long in any unit. */
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})\\s*(s|m|h|d)?");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            return value == 0 ? Optional.of(Duration.ZERO) : Optional.empty();
        }
        Duration duration = switch (unit) {
            case "s" -> Duration.ofSeconds(value);
            case "m" -> Duration.ofMinutes(value);
            case "h" -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        };
        return duration.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(duration);
    }
}
