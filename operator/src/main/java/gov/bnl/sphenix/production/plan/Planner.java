package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RerunToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The planner: desired state and an observation in, an ordered {@link Plan} out. It is a pure
 * function — no I/O of its own, no clock, no randomness — so the same input always gives the same
 * plan, and every rule can be tested without a database or a batch system.
 *
 * <p>One pass goes: each live production, key by key over its sorted streams (drift, holds,
 * dedupe, reruns); then, when anything may be deleted, the inputs the ledger recorded for every
 * live job; then removed productions (kills, deletions); then the deletions reruns need, once every
 * unfinished input is known; then the submissions, sharing the global budget; and last, which
 * removed productions are done.
 *
 * <pre>{@code
 * Plan plan = new Planner(PlannerSettings.DEFAULTS).plan(desired, observation);
 * for (Action action : plan.actions()) { ... }
 * }</pre>
 */
public final class Planner {

    private final PlannerSettings settings;

    public Planner(PlannerSettings settings) {
        this.settings = settings;
    }

    public Plan plan(DesiredState desired, Observation observed) {
        if (!observed.queue().readable()) {
            return nothingWithoutQueue();
        }
        Instant now = observed.now();
        QueueIndex queue = new QueueIndex(observed.queue());
        PlanBuilder out = new PlanBuilder();
        InputsInUse inputsInUse = new InputsInUse(deletableNamespaces(desired, now));
        Map<String, ProductionSummary> summaries = new TreeMap<>();

        List<ProductionPass> passes = new ArrayList<>();
        for (Production production : desired.productions()) {
            ProductionPass pass = new ProductionPass(production, settings, now, queue, inputsInUse, out);
            pass.run(observed);
            passes.add(pass);
        }
        if (inputsInUse.watching()) {
            try (Stream<LiveJobInputs> live = observed.liveJobInputs()) {
                live.forEach(inputsInUse::record);
            }
        }

        long againstBudget = 0;
        RemovalPlanner removal = new RemovalPlanner(now, queue, inputsInUse, settings.deleteBatchSize(), out);
        for (RemovedProduction removed : desired.removed()) {
            Tallies tallies = new Tallies(removed.name(), true);
            againstBudget += removal.plan(removed, observed, tallies);
            summaries.put(removed.name(), tallies.summary());
        }
        againstBudget += leaveAloneJobsOfUnknownProductions(desired, queue, out);

        for (ProductionPass pass : passes) {
            pass.resolveReruns(inputsInUse, settings.deleteBatchSize());
            againstBudget += pass.countedAgainstBudget();
        }
        Map<String, Integer> grants = SubmissionBudget.share(passes.stream().map(ProductionPass::claim).toList(),
                settings.globalQueueBudget() - againstBudget);
        for (ProductionPass pass : passes) {
            pass.submit(grants.get(pass.name()));
            summaries.put(pass.name(), pass.summary());
        }

        for (RemovedProduction removed : desired.removed()) {
            if (RemovalComplete.due(removed, queue, now, out.acts(removed.name()))) {
                out.removalComplete(RemovalComplete.of(removed));
            }
        }

        long foreign = queue.unmatchedKeylessJobs();
        if (foreign > 0) {
            out.note("left alone: " + Words.count(foreign, "job") + " in the batch queue with a batch token that no"
                    + " ledger row knows and no job key");
        }
        return out.build(new Summary(true, summaries));
    }

    private static Plan nothingWithoutQueue() {
        return new Plan(List.of(), new Summary(false, Map.of()), List.of("the batch queue could not be read:"
                + " nothing is planned this pass, because an unknown queue is not an empty one"), List.of(), List.of());
    }

    /**
     * Namespaces that may lose files this pass: those of productions removed with a delete policy
     * whose grace period is over, and those of live productions that declare rerun tokens.
     */
    private static List<OutputNamespace> deletableNamespaces(DesiredState desired, Instant now) {
        List<OutputNamespace> namespaces = new ArrayList<>();
        for (RemovedProduction removed : desired.removed()) {
            if (RemovalPlanner.deletesNow(removed, now)) {
                namespaces.add(removed.lastSpec().namespace());
            }
        }
        for (Production production : desired.productions()) {
            if (production.reruns().stream().map(RerunToken::token).anyMatch(t -> !t.isEmpty())) {
                namespaces.add(production.namespace());
            }
        }
        return namespaces;
    }

    /**
     * Jobs under a key of a production that is neither declared nor removed. Without a spec there
     * is no policy to follow, so they are reported, not killed; they still take their place in the
     * global budget.
     */
    private static long leaveAloneJobsOfUnknownProductions(DesiredState desired, QueueIndex queue, PlanBuilder out) {
        Set<String> known = new HashSet<>();
        desired.productions().forEach(p -> known.add(p.name()));
        desired.removed().forEach(r -> known.add(r.name()));
        long occupying = 0;
        for (String production : queue.productions()) {
            if (known.contains(production)) {
                continue;
            }
            List<BatchJob> jobs = queue.jobsOf(production).stream().filter(BatchJob::isLive).toList();
            if (!jobs.isEmpty()) {
                out.note("left alone: " + Words.count(jobs.size(), "job") + " in the batch queue of production "
                        + production + ", which is neither declared nor removed");
            }
            occupying += jobs.stream().filter(j -> j.state().countsAgainstBudget()).count();
        }
        return occupying;
    }
}
