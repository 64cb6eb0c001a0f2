package gov.bnl.sphenix.production.k8s;

import gov.bnl.sphenix.production.source.GitUrls;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sets conditions the way Kubernetes tools read them: one per type, {@code lastTransitionTime}
 * moves only when the status changes (so "Ready since" stays true across passes, and a status
 * that did not change compares equal to the one on the resource), and every condition carries the
 * generation it was computed from (JOSDK 5 no longer fills that in).
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";
    public static final String STALLED = "Stalled";
    /** A source's head is held back by the removal guard. */
    public static final String BLOCKED = "Blocked";

    private static final Set<String> STATUSES = Set.of("True", "False", "Unknown");

    private Conditions() {
    }

    /** {@code conditions} with condition {@code type} set; the others as they were, in their order. */
    public static List<Condition> set(List<Condition> conditions, String type, String status, ConditionReason reason,
                                      String message, long observedGeneration, Instant now) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("a condition status is True, False or Unknown, not " + status);
        }
        Condition existing = find(conditions, type);
        String since = existing != null && status.equals(existing.status()) ? existing.lastTransitionTime() : timestamp(now);
        // a condition is readable by anyone who may read the resource: no URL keeps its user-info
        Condition updated = new Condition(type, status, reason.text(), GitUrls.redact(message), observedGeneration, since);
        List<Condition> out = new ArrayList<>(conditions);
        if (existing == null) {
            out.add(updated);
        } else {
            out.set(out.indexOf(existing), updated);
        }
        return List.copyOf(out);
    }

    /** The condition of that type, or null. */
    public static Condition find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
    }

    /** RFC 3339 in seconds, as the API server writes its own timestamps. */
    public static String timestamp(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
