package gov.bnl.sphenix.production.catalog.readiness;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many runs of a production wait, by reason, in the fixed order of {@link WaitReason}; runs
 * that are ready are not counted.
 */
public record WaitingCounts(Map<WaitReason, Long> byReason) {

    public static final WaitingCounts NONE = new WaitingCounts(Map.of());

    public WaitingCounts {
        EnumMap<WaitReason, Long> counts = new EnumMap<>(WaitReason.class);
        byReason.forEach((reason, n) -> {
            if (reason.waits() && n > 0) {
                counts.put(reason, n);
            }
        });
        byReason = Collections.unmodifiableMap(counts);
    }

    public static WaitingCounts of(Collection<RunVerdict> verdicts) {
        Map<WaitReason, Long> counts = new EnumMap<>(WaitReason.class);
        verdicts.forEach(v -> counts.merge(v.reason(), 1L, Long::sum));
        return new WaitingCounts(counts);
    }

    public long total() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "7 not transferred, 3 below the run cuts", or "" when nothing waits. */
    public String byReasonInWords() {
        return byReason.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().words())
                .collect(Collectors.joining(", "));
    }

    /** The one line {@code kubectl describe} shows: "waiting: 12 runs (7 not transferred, 3 below the run cuts, 2 upstream not done)". */
    public String summary() {
        long total = total();
        return total == 0 ? "waiting: no run" : "waiting: " + runs(total) + " (" + byReasonInWords() + ")";
    }

    static String runs(long n) {
        return n == 1 ? "1 run" : n + " runs";
    }
}
