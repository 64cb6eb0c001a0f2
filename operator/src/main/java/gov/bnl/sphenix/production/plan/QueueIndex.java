package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The batch queue arranged for the merge: jobs carrying a key grouped by production and sorted by
 * key; jobs without a key indexed by batch token, so a ledger row can still find its job. The
 * queue is the one observed source small enough to index whole.
 */
final class QueueIndex {

    private static final Comparator<BatchJob> BY_KEY_THEN_ID =
            Comparator.comparing((BatchJob j) -> j.key().orElseThrow()).thenComparing(BatchJob::id);

    private final Map<String, List<BatchJob>> byProduction = new TreeMap<>();
    private final Map<String, List<BatchJob>> keylessByToken = new HashMap<>();
    private final Set<String> matchedTokens = new HashSet<>();

    QueueIndex(BatchQueue queue) {
        for (BatchJob job : queue.jobs()) {
            if (job.key().isPresent()) {
                byProduction.computeIfAbsent(job.production(), p -> new ArrayList<>()).add(job);
            } else if (!job.batchToken().isEmpty()) {
                keylessByToken.computeIfAbsent(job.batchToken(), t -> new ArrayList<>()).add(job);
            }
        }
        byProduction.values().forEach(jobs -> jobs.sort(BY_KEY_THEN_ID));
        keylessByToken.values().forEach(jobs -> jobs.sort(Comparator.comparing(BatchJob::id)));
    }

    /** Jobs carrying a key of this production, sorted by key and job id. */
    List<BatchJob> jobsOf(String production) {
        return byProduction.getOrDefault(production, List.of());
    }

    Set<String> productions() {
        return byProduction.keySet();
    }

    /** Jobs without a key that carry this batch token; they belong to the row that has it. */
    List<BatchJob> keylessWithToken(String batchToken) {
        if (keylessByToken.isEmpty()) {
            return List.of();
        }
        List<BatchJob> jobs = keylessByToken.getOrDefault(batchToken, List.of());
        if (!jobs.isEmpty()) {
            matchedTokens.add(batchToken);
        }
        return jobs;
    }

    /** Jobs with neither a key nor a token any ledger row knows: not ours, or not ours to touch. */
    long unmatchedKeylessJobs() {
        return keylessByToken.entrySet().stream()
                .filter(e -> !matchedTokens.contains(e.getKey()))
                .mapToLong(e -> e.getValue().size())
                .sum();
    }
}
