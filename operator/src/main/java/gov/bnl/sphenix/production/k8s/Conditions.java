package gov.bnl.sphenix.production.k8s;

import gov.bnl.sphenix.production.source.GitUrls;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Sets conditions the way Kubernetes tools read them: one per type, {@code lastTransitionTime}
 * moves only when the status changes (so "Ready since" stays true across passes), and every
 * condition carries the generation it was computed from (JOSDK 5 no longer fills that in).
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";
    public static final String STALLED = "Stalled";

    private static final Set<String> STATUSES = Set.of("True", "False", "Unknown");

    private Conditions() {
    }

    /**
     * Sets condition {@code type} in {@code conditions} (a status's own list, changed in place).
     *
     * @return whether anything changed, so a caller can skip a status write that would change nothing
     */
    public static boolean set(List<Condition> conditions, String type, String status, String reason, String message,
                              long observedGeneration, Instant now) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("a condition status is True, False or Unknown, not " + status);
        }
        // a condition is readable by anyone who may read the resource: no URL keeps its user-info
        message = GitUrls.redact(message);
        Condition existing = find(conditions, type);
        if (existing == null) {
            conditions.add(new Condition(type, status, reason, message, observedGeneration, timestamp(now)));
            return true;
        }
        boolean changed = !status.equals(existing.getStatus()) || !Objects.equals(reason, existing.getReason())
                || !Objects.equals(message, existing.getMessage())
                || !Long.valueOf(observedGeneration).equals(existing.getObservedGeneration());
        if (!status.equals(existing.getStatus())) {
            existing.setLastTransitionTime(timestamp(now));
        }
        existing.setStatus(status);
        existing.setReason(reason);
        existing.setMessage(message);
        existing.setObservedGeneration(observedGeneration);
        return changed;
    }

    /** The condition of that type, or null. */
    public static Condition find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /** RFC 3339 in seconds, as the API server writes its own timestamps. */
    public static String timestamp(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
