package gov.bnl.sphenix.production.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shares the room left in the global queue budget among productions: a weighted max-min fair
 * share, weights being the productions' priorities. A production asking for less than its share
 * gets what it asks and the rest is shared again among the others; so a high priority means a
 * larger share, never that everyone else waits (strict priority starves, which is what the
 * production team wants to end).
 *
 * <p>Integer arithmetic throughout: the same claims always give the same grants.
 */
final class SubmissionBudget {

    /**
     * What one production asks for this pass.
     *
     * @param room    what its own caps allow: maxSubmitPerCycle and the room under maxQueued
     * @param pending how many keys it has ready
     */
    record Claim(String production, int priority, int room, long pending) {
        long demand() {
            return Math.max(0, Math.min(room, pending));
        }

        /** Batch priorities may be zero or negative; every production weighs at least one. */
        long weight() {
            return Math.max(1, priority);
        }
    }

    private SubmissionBudget() {
    }

    /** Grants per production, summing to at most {@code free} and to at most each claim's demand. */
    static Map<String, Integer> share(List<Claim> claims, long free) {
        Map<String, Long> granted = new TreeMap<>();
        List<Claim> open = new ArrayList<>();
        for (Claim c : claims) {
            granted.put(c.production(), 0L);
            if (c.demand() > 0) {
                open.add(c);
            }
        }
        open.sort(Comparator.comparing(Claim::production));
        long remaining = Math.max(0, free);
        while (remaining > 0 && !open.isEmpty()) {
            long totalWeight = open.stream().mapToLong(Claim::weight).sum();
            List<Claim> satisfied = new ArrayList<>();
            for (Claim c : open) {
                // need ≤ remaining · weight / totalWeight, without division
                if (c.demand() * totalWeight <= remaining * c.weight()) {
                    satisfied.add(c);
                }
            }
            if (!satisfied.isEmpty()) {
                for (Claim c : satisfied) {
                    granted.put(c.production(), c.demand());
                    remaining -= c.demand();
                }
                open.removeAll(satisfied);
                continue;
            }
            splitProportionally(open, remaining, totalWeight, granted);
            remaining = 0;
        }
        Map<String, Integer> result = new TreeMap<>();
        granted.forEach((p, n) -> result.put(p, Math.toIntExact(n)));
        return result;
    }

    /** Everyone wants more than their share: floor shares, then the few units left by largest remainder. */
    private static void splitProportionally(List<Claim> open, long remaining, long totalWeight, Map<String, Long> granted) {
        long given = 0;
        for (Claim c : open) {
            long share = remaining * c.weight() / totalWeight;
            granted.put(c.production(), share);
            given += share;
        }
        List<Claim> byRemainder = new ArrayList<>(open);
        byRemainder.sort(Comparator
                .comparingLong((Claim c) -> remaining * c.weight() % totalWeight).reversed()
                .thenComparing(Comparator.comparingLong(Claim::weight).reversed())
                .thenComparing(Claim::production));
        for (int i = 0; i < remaining - given; i++) {
            Claim c = byRemainder.get(i);
            granted.merge(c.production(), 1L, Long::sum);
        }
    }
}
