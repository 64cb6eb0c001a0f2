package gov.bnl.sphenix.production.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --since} of the read-only commands: a span back from now ({@code 7d}, {@code 2w},
 * {@code 12h}, {@code 30m}, or ISO-8601 {@code P7D}) or a moment ({@code 2026-11-26},
 * {@code 2026-11-26T08:00:00Z}, dates in UTC).
 *
 * @param label how tables name the period since then: {@code prior week} for {@code 7d}
 */
record Since(Instant at, String label) {

    private static final Pattern SPAN = Pattern.compile("(\\d+)([mhdw])");

    static Since parse(String text, Instant now) {
        // a span counts back from the second: "since 2026-11-26T18:09:10Z" reads better than its nanoseconds
        now = now.truncatedTo(ChronoUnit.SECONDS);
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher span = SPAN.matcher(t);
        if (span.matches()) {
            long n = Long.parseLong(span.group(1));
            Duration d = switch (span.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return new Since(now.minus(d), d.equals(Duration.ofDays(7)) ? "prior week" : "prior " + t);
        }
        try {
            if (t.startsWith("p")) {
                Duration d = Duration.parse(text.strip());
                return new Since(now.minus(d), d.equals(Duration.ofDays(7)) ? "prior week" : "prior " + text.strip());
            }
            if (t.contains("t")) {
                Instant at = Instant.parse(text.strip());
                return new Since(at, "since " + at);
            }
            LocalDate day = LocalDate.parse(t);
            return new Since(day.atStartOfDay(ZoneOffset.UTC).toInstant(), "since " + day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + text + "': give a span back from now (7d, 2w, 12h, 30m,"
                    + " P7D) or a moment (2026-11-26, 2026-11-26T08:00:00Z)");
        }
    }
}
