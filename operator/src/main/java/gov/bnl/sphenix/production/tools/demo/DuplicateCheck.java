package gov.bnl.sphenix.production.tools.demo;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts duplicate submissions the way the production team means them: two jobs of one job key in
 * the batch system at the same time. Read from the batch system's own record (queue and history),
 * not from the operator's ledger, so the operator cannot vouch for itself.
 */
public final class DuplicateCheck {

    private DuplicateCheck() {
    }

    /** Jobs whose time in the queue overlapped another job of the same key. */
    public static long count(List<BatchJob> everyJob, Instant now) {
        return overlapping(everyJob, now).size();
    }

    /**
     * The jobs whose time in the queue (from being queued to leaving it; a job still live counts
     * until {@code now}) began while another job of the same key was in it.
     *
     * @param everyJob the queue, then the history, as they were read: a job that left the queue
     *                 between the two reads is in both, and is one job, its later view counting
     */
    public static List<BatchJob> overlapping(List<BatchJob> everyJob, Instant now) {
        Map<BatchJobId, BatchJob> byId = new LinkedHashMap<>();
        everyJob.forEach(job -> byId.put(job.id(), job));
        Map<JobKey, List<BatchJob>> byKey = new HashMap<>();
        for (BatchJob job : byId.values()) {
            job.key().ifPresent(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(job));
        }
        List<BatchJob> duplicates = new ArrayList<>();
        for (List<BatchJob> jobs : byKey.values()) {
            jobs.sort(Comparator.comparing(j -> j.queuedAt().orElse(Instant.EPOCH)));
            Instant busyUntil = Instant.MIN;
            for (BatchJob job : jobs) {
                Instant queued = job.queuedAt().orElse(Instant.EPOCH);
                if (queued.isBefore(busyUntil)) {
                    duplicates.add(job);
                }
                Instant left = job.isLive() ? now : job.stateSince().orElse(now);
                busyUntil = busyUntil.isAfter(left) ? busyUntil : left;
            }
        }
        return duplicates;
    }
}
