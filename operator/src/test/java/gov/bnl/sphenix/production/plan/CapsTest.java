package gov.bnl.sphenix.production.plan;

import static gov.bnl.sphenix.production.plan.Fixtures.job;
import static gov.bnl.sphenix.production.plan.Fixtures.key;
import static gov.bnl.sphenix.production.plan.Fixtures.plan;
import static gov.bnl.sphenix.production.plan.Fixtures.production;
import static gov.bnl.sphenix.production.plan.Fixtures.row;
import static gov.bnl.sphenix.production.plan.Fixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Per-production caps and the global queue budget, shared by priority. */
class CapsTest {

    @Test
    void maxSubmitPerCycleCapsOnePass() {
        Production calo = production("calo").limits(1_000, 25).build();
        Snapshot observed = world().readyRuns("calo", 1, 100, 1).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.submittedKeys()).hasSize(25);
        assertThat(plan.actionsOf(Action.Submit.class).get(0).reason()).endsWith("100 pending, limited by maxSubmitPerCycle 25");
    }

    @Test
    void maxQueuedCountsQueuedAndRunningJobsButNotHeldOnes() {
        Production calo = production("calo").limits(5, 100).build();
        Fixtures.World observed = world().readyRuns("calo", 1, 20, 1);
        // three count (queued or running), one held and waiting for its back-off
        for (int run = 1; run <= 3; run++) {
            JobKey k = key("calo", run, 0);
            observed.ledger(row(k, LedgerState.QUEUED, run)).queue(job(run, k, run == 1 ? BatchState.RUNNING : BatchState.QUEUED));
        }
        JobKey heldKey = key("calo", 4, 0);
        observed.ledger(row(heldKey, LedgerState.QUEUED, 4))
                .queue(Fixtures.held(4, heldKey, new Hold(3, 0, "policy"), 2048, Fixtures.NOW));

        Plan plan = plan(observed.snapshot(), calo);

        assertThat(plan.submittedKeys()).hasSize(2);
        assertThat(plan.actionsOf(Action.Submit.class).get(0).reason()).contains("limited by maxQueued 5 with 3 queued");
    }

    @Test
    void submissionsInFlightCountAsQueued() {
        Production calo = production("calo").limits(2, 100).build();
        JobKey inFlight = key("calo", 1, 0);
        Snapshot observed = world().readyRuns("calo", 1, 20, 1)
                .ledger(Fixtures.submitting(inFlight, Fixtures.NOW.minusSeconds(30))).snapshot();

        assertThat(plan(observed, calo).submittedKeys()).hasSize(1);
    }

    @Test
    void aProductionAtItsCapSubmitsNothing() {
        Production calo = production("calo").limits(1, 100).build();
        JobKey k = key("calo", 1, 0);
        Snapshot observed = world().readyRuns("calo", 1, 20, 1)
                .ledger(row(k, LedgerState.QUEUED, 1)).queue(job(1, k, BatchState.QUEUED)).snapshot();

        assertThat(plan(observed, calo).submittedKeys()).isEmpty();
    }

    @Test
    void theGlobalBudgetIsSharedByPriorityWithoutStarvingLowPriorities() {
        Production high = production("high").priority(3).build();
        Production low = production("low").priority(1).build();
        Snapshot observed = world().readyRuns("high", 1, 500, 1).readyRuns("low", 1, 500, 1).snapshot();

        Plan plan = plan(PlannerSettings.DEFAULTS.withGlobalQueueBudget(100), observed, high, low);

        Map<String, Long> perProduction = plan.submittedKeys().stream()
                .collect(Collectors.groupingBy(JobKey::production, Collectors.counting()));
        assertThat(perProduction).containsEntry("high", 75L).containsEntry("low", 25L);
        assertThat(plan.actionsOf(Action.Submit.class))
                .allSatisfy(s -> assertThat(s.reason()).contains("limited by its fair share of the global queue budget"));
    }

    @Test
    void whatOneProductionCannotUseGoesToTheOthers() {
        Production big = production("big").priority(1).build();
        Production small = production("small").priority(10).build();
        Snapshot observed = world().readyRuns("big", 1, 500, 1).readyRuns("small", 1, 5, 1).snapshot();

        Plan plan = plan(PlannerSettings.DEFAULTS.withGlobalQueueBudget(100), observed, big, small);

        Map<String, Long> perProduction = plan.submittedKeys().stream()
                .collect(Collectors.groupingBy(JobKey::production, Collectors.counting()));
        assertThat(perProduction).containsEntry("small", 5L).containsEntry("big", 95L);
    }

    @Test
    void jobsAlreadyQueuedUseUpTheGlobalBudget() {
        Production calo = production("calo").build();
        Fixtures.World observed = world().readyRuns("calo", 1, 50, 1);
        for (int run = 1; run <= 8; run++) {
            JobKey k = key("calo", run, 0);
            observed.ledger(row(k, LedgerState.QUEUED, run)).queue(job(run, k, BatchState.RUNNING));
        }

        Plan plan = plan(PlannerSettings.DEFAULTS.withGlobalQueueBudget(10), observed.snapshot(), calo);

        assertThat(plan.submittedKeys()).hasSize(2);
    }
}
