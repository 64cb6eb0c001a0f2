package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.ledger.RunStanding;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.control.act.ExecutionReport;
import gov.bnl.sphenix.production.control.observe.CatalogObservation;
import gov.bnl.sphenix.production.control.observe.ProductionOutputs;
import gov.bnl.sphenix.production.plan.Action;
import gov.bnl.sphenix.production.plan.Plan;
import gov.bnl.sphenix.production.plan.ProductionSummary;
import gov.bnl.sphenix.production.plan.SubmissionTrouble;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.spec.Production;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a production's status from a pass: the planner's counts as observed, moved on by what the
 * pass itself submitted (so a status right after a submission shows the jobs as queued, not as
 * ready), the run cursor from the ledger, events and outputs from the FileCatalog.
 */
final class StatusBuilder {

    private StatusBuilder() {
    }

    static ProductionStanding build(Production spec, boolean removed, String revision, Instant now, Plan plan,
                                  CatalogObservation observed, ExecutionReport executed, List<String> passErrors,
                                  Optional<SubmissionTrouble> trouble) {
        // a submission that keeps failing stalls its production until one succeeds, told in its errors
        List<String> errors = new ArrayList<>(passErrors);
        trouble.map(SubmissionTrouble::describe).filter(t -> !errors.contains(t)).ifPresent(errors::add);
        ProductionSummary summary = plan.summary().productions().get(spec.name());
        Map<Tally, Long> jobs = new EnumMap<>(Tally.class);
        Map<String, Long> holds = Map.of();
        if (summary != null) {
            jobs.putAll(summary.jobs());
            holds = summary.holdReasons();
        }
        moveOnBySubmissions(jobs, plan, spec.name(), executed.of(spec.name()).submitted());
        ProductionOutputs.Found found = observed.found(spec.name());
        // counted by the database over every row: the pass reads only the rows it works on
        RunStanding runs = observed.runStanding(spec.name());
        ProductionStanding.State state = state(removed, errors, plan, jobs);
        return new ProductionStanding(spec.name(), spec.dsttype(), spec.rule().params().dataset(),
                spec.rule().params().tag().toString(), state, revision, now, jobs, spec.runs().size(),
                runs.runsDone(), runs.newest(), runs.oldestPending(), holds,
                found.events(), found.outputs().stream().mapToLong(o -> o.files().size()).sum(), errors,
                removed ? WaitingCounts.NONE : observed.waiting(spec.name()).orElse(WaitingCounts.NONE),
                removed ? DaqComparison.NONE : observed.eventsAgainstDaq(spec.name()));
    }

    /** Keys this pass submitted left the tally they were counted in (ready, lost, killed) and are now queued. */
    private static void moveOnBySubmissions(Map<Tally, Long> jobs, Plan plan, String production, long submitted) {
        if (submitted == 0) {
            return;
        }
        long left = submitted;
        for (Action.Submit submit : plan.actionsOf(Action.Submit.class)) {
            if (!submit.production().equals(production)) {
                continue;
            }
            for (Action.JobSubmission job : submit.jobs()) {
                if (left == 0) {
                    break;
                }
                Tally from = switch (job.cause()) {
                    case LOST, STALE -> Tally.LOST;
                    case AGAIN -> Tally.KILLED;
                    case NEW, RERUN -> Tally.READY;
                };
                if (jobs.getOrDefault(from, 0L) > 0) {
                    jobs.merge(from, -1L, Long::sum);
                }
                jobs.merge(Tally.QUEUED, 1L, Long::sum);
                left--;
            }
        }
        jobs.values().removeIf(n -> n == 0);
    }

    private static ProductionStanding.State state(boolean removed, List<String> errors, Plan plan, Map<Tally, Long> jobs) {
        if (removed) {
            return ProductionStanding.State.REMOVING;
        }
        if (!errors.isEmpty() || !plan.summary().queueReadable()) {
            return ProductionStanding.State.STALLED;
        }
        long active = count(jobs, Tally.READY) + count(jobs, Tally.SUBMITTING) + count(jobs, Tally.QUEUED)
                + count(jobs, Tally.RUNNING) + count(jobs, Tally.HELD) + count(jobs, Tally.COMPLETED)
                + count(jobs, Tally.LOST);
        if (active > 0) {
            return ProductionStanding.State.PROGRESSING;
        }
        return count(jobs, Tally.SUCCEEDED) + count(jobs, Tally.FAILED) > 0
                ? ProductionStanding.State.COMPLETE
                : ProductionStanding.State.WAITING;
    }

    private static long count(Map<Tally, Long> jobs, Tally tally) {
        return jobs.getOrDefault(tally, 0L);
    }
}
