package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words for a submission: which runs and by which order, why these keys, and what limited the
 * number — e.g. {@code 8 newest first (runs 192–199), 2 from the oldest pending runs by the
 * starvation guard (runs 100–101) — 10 ready and never submitted; 100 pending, limited by
 * maxSubmitPerCycle 10}.
 */
final class SubmitReason {

    private final Production production;
    private final Set<JobKey> byGuard = new HashSet<>();
    private final String limit;

    SubmitReason(Production production, RunSelector.Selection selection, SubmissionBudget.Claim claim, int granted,
                 long againstBudgetBefore) {
        this.production = production;
        selection.oldest().forEach(j -> byGuard.add(j.key()));
        this.limit = limit(production, claim, granted, againstBudgetBefore);
    }

    /** The reason of one submit action, made of some of the selected jobs (those at one memory request). */
    String of(List<PendingJob> jobs) {
        List<JobKey> oldest = jobs.stream().map(PendingJob::key).filter(byGuard::contains).toList();
        List<JobKey> preferred = jobs.stream().map(PendingJob::key).filter(k -> !byGuard.contains(k)).toList();
        List<String> order = new ArrayList<>();
        if (!preferred.isEmpty()) {
            String first = production.order() == RunOrder.NEWEST_FIRST ? "newest" : "oldest";
            order.add(preferred.size() + " " + first + " first (" + Words.runSpan(preferred) + ")");
        }
        if (!oldest.isEmpty()) {
            order.add(oldest.size() + " from the oldest pending runs by the starvation guard (" + Words.runSpan(oldest) + ")");
        }
        Map<SubmitCause, Integer> causes = new EnumMap<>(SubmitCause.class);
        jobs.forEach(j -> causes.merge(j.cause(), 1, Integer::sum));
        List<String> why = new ArrayList<>();
        causes.forEach((cause, n) -> why.add(n + " " + cause.words()));
        return String.join(", ", order) + " — " + String.join(", ", why) + "; " + limit;
    }

    private static String limit(Production production, SubmissionBudget.Claim claim, int granted, long againstBudget) {
        if (granted >= claim.pending()) {
            return claim.pending() == 1 ? "the only pending key" : "all " + claim.pending() + " pending keys fit";
        }
        if (granted < claim.room()) {
            return claim.pending() + " pending, limited by its fair share of the global queue budget";
        }
        if (claim.room() == production.limits().maxSubmitPerCycle()) {
            return claim.pending() + " pending, limited by maxSubmitPerCycle " + production.limits().maxSubmitPerCycle();
        }
        return claim.pending() + " pending, limited by maxQueued " + production.limits().maxQueued() + " with " + againstBudget + " queued";
    }
}
