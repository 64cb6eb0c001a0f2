package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which of a production's pending keys go first. Newest runs first gives shift crews
 * quick feedback on fresh data, but alone it starves old runs behind a stream of new ones; so a
 * fixed share of every pass (the starvation guard) goes to the oldest pending runs. Segment 0 of
 * each run can be put ahead of the other segments, for fast QA.
 *
 * <p>Keys are offered while the production's streams are merged; only the best few are kept (as
 * many as the production could submit in one pass), for each of the two orders.
 */
final class RunSelector {

    /** The keys chosen for one pass, in the order they were chosen. */
    record Selection(List<PendingJob> newest, List<PendingJob> oldest) {
        List<PendingJob> all() {
            List<PendingJob> all = new ArrayList<>(oldest);
            all.addAll(newest);
            return all;
        }
    }

    private static final Comparator<PendingJob> OLDEST_FIRST = Comparator.comparing(PendingJob::key);

    private final Production production;
    private final int starvationGuardPercent;
    private final BoundedBest<PendingJob> byPreference;
    private final BoundedBest<PendingJob> byAge;
    private long pending;

    RunSelector(Production production, PlannerSettings settings) {
        this.production = production;
        this.starvationGuardPercent = settings.starvationGuardPercent();
        int most = production.submit()
                ? Math.min(production.limits().maxSubmitPerCycle(), production.limits().maxQueued())
                : 0;
        this.byPreference = new BoundedBest<>(most, preference(production.order(), settings.segmentZeroFirst()));
        this.byAge = new BoundedBest<>(guardShare(most), OLDEST_FIRST);
    }

    /** Is this key one the production declares: a selected run, an included segment? */
    boolean wants(JobKey key) {
        return production.runs().contains(key.run()) && production.segments().includes(key.segment());
    }

    void offer(PendingJob job) {
        pending++;
        byPreference.offer(job);
        byAge.offer(job);
    }

    long pending() {
        return pending;
    }

    /** The {@code count} keys to submit: the guard's share from the oldest runs, the rest by preference. */
    Selection select(int count) {
        List<PendingJob> oldestKept = byAge.best();
        List<PendingJob> oldest = new ArrayList<>(oldestKept.subList(0, Math.min(guardShare(count), oldestKept.size())));
        Set<JobKey> chosen = new HashSet<>();
        oldest.forEach(j -> chosen.add(j.key()));
        List<PendingJob> newest = new ArrayList<>();
        for (PendingJob job : byPreference.best()) {
            if (oldest.size() + newest.size() >= count) {
                break;
            }
            if (chosen.add(job.key())) {
                newest.add(job);
            }
        }
        return new Selection(newest, oldest);
    }

    /** The guard's share of a number of submissions, rounded half up: 10% of 5 is 1, of 4 is 0. */
    private int guardShare(int submissions) {
        return (int) ((submissions * (long) starvationGuardPercent + 50) / 100);
    }

    private static Comparator<PendingJob> preference(RunOrder order, boolean segmentZeroFirst) {
        Comparator<PendingJob> bySegmentZero = Comparator.comparingInt(j -> j.key().segment() == 0 ? 0 : 1);
        Comparator<PendingJob> byRun = Comparator.comparingInt(j -> j.key().run());
        if (order == RunOrder.NEWEST_FIRST) {
            byRun = byRun.reversed();
        }
        Comparator<PendingJob> rest = byRun
                .thenComparingInt(j -> j.key().segment())
                .thenComparing(j -> j.key().leaf());
        return segmentZeroFirst ? bySegmentZero.thenComparing(rest) : rest;
    }
}
