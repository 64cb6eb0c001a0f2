package gov.bnl.sphenix.production.plan;

import static gov.bnl.sphenix.production.plan.Fixtures.key;
import static gov.bnl.sphenix.production.plan.Fixtures.plan;
import static gov.bnl.sphenix.production.plan.Fixtures.production;
import static gov.bnl.sphenix.production.plan.Fixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunRange;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which ready keys go first: run order, the starvation guard, segment 0, the declared runs. */
class RunSelectionTest {

    private static final PlannerSettings NO_GUARD = PlannerSettings.DEFAULTS.withStarvationGuardPercent(0);

    @Test
    void newestRunsGoFirst() {
        Production calo = production("calo").limits(100, 3).build();
        Snapshot observed = world().readyRuns("calo", 100, 109, 1).snapshot();

        Plan plan = plan(NO_GUARD, observed, calo);

        assertThat(plan.submittedKeys()).extracting(JobKey::run).containsExactly(109, 108, 107);
    }

    @Test
    void oldestFirstWhenTheProductionAsksForIt() {
        Production calo = production("calo").order(RunOrder.OLDEST_FIRST).limits(100, 3).build();
        Snapshot observed = world().readyRuns("calo", 100, 109, 1).snapshot();

        Plan plan = plan(NO_GUARD, observed, calo);

        assertThat(plan.submittedKeys()).extracting(JobKey::run).containsExactly(100, 101, 102);
    }

    @Test
    void theStarvationGuardGivesAShareToTheOldestPendingRuns() {
        Production calo = production("calo").limits(1_000, 10).build();
        Snapshot observed = world().readyRuns("calo", 100, 199, 1).snapshot();

        Plan plan = plan(PlannerSettings.DEFAULTS.withStarvationGuardPercent(20), observed, calo);

        List<Integer> runs = plan.submittedKeys().stream().map(JobKey::run).toList();
        assertThat(runs).hasSize(10)
                .containsExactlyInAnyOrder(100, 101, 199, 198, 197, 196, 195, 194, 193, 192);
        assertThat(plan.actionsOf(Action.Submit.class).get(0).reason())
                .contains("2 from the oldest pending runs by the starvation guard (runs 100–101)")
                .contains("8 newest first (runs 192–199)");
    }

    @Test
    void oldRunsAreNotStuckBehindAStreamOfNewOnes() {
        // every pass new runs arrive; the oldest run still makes progress
        Production calo = production("calo").limits(1_000, 10).build();
        Fixtures.World observed = world().readyRuns("calo", 100, 100, 5);
        int newRun = 1_000;
        int oldRunSubmitted = 0;
        Planner planner = new Planner(PlannerSettings.DEFAULTS);
        for (int pass = 0; pass < 5; pass++) {
            observed.readyRuns("calo", newRun, newRun + 20, 1);
            newRun += 21;
            Plan plan = planner.plan(DesiredState.of(List.of(calo)), observed.snapshot());
            oldRunSubmitted += (int) plan.submittedKeys().stream().filter(k -> k.run() == 100).count();
        }
        assertThat(oldRunSubmitted).isPositive();
    }

    @Test
    void segmentZeroOfEveryRunComesBeforeTheOtherSegments() {
        Production calo = production("calo").limits(100, 4).build();
        Snapshot observed = world().readyRuns("calo", 100, 103, 3).snapshot();

        Plan plan = plan(NO_GUARD, observed, calo);

        assertThat(plan.submittedKeys()).containsExactly(
                key("calo", 103, 0), key("calo", 102, 0), key("calo", 101, 0), key("calo", 100, 0));
    }

    @Test
    void withoutSegmentZeroFirstARunIsTakenWhole() {
        Production calo = production("calo").limits(100, 4).build();
        Snapshot observed = world().readyRuns("calo", 100, 103, 3).snapshot();

        Plan plan = plan(NO_GUARD.withSegmentZeroFirst(false), observed, calo);

        assertThat(plan.submittedKeys()).containsExactly(
                key("calo", 103, 0), key("calo", 103, 1), key("calo", 103, 2), key("calo", 102, 0));
    }

    @Test
    void firstOnlyProductionsSubmitSegmentZeroAlone() {
        Production calo = production("calo").segments(Segments.FIRST_ONLY).build();
        Snapshot observed = world().readyRuns("calo", 100, 101, 3).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.submittedKeys()).containsExactlyInAnyOrder(key("calo", 100, 0), key("calo", 101, 0));
    }

    @Test
    void onlyRunsOfTheProductionsRunSetAreSubmitted() {
        RunSet runs = RunSet.range(100, 110).minus(RunSet.runs(105)).union(RunSet.runs(200));
        Production calo = production("calo").runs(runs).build();
        Snapshot observed = world().readyRuns("calo", 95, 205, 1).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.submittedKeys()).extracting(JobKey::run)
                .containsExactlyInAnyOrder(100, 101, 102, 103, 104, 106, 107, 108, 109, 110, 200);
        assertThat(runs.ranges()).contains(new RunRange(200, 200));
    }

    @Test
    void aProductionThatDoesNotSubmitOnlyReports() {
        Production calo = production("calo").submit(false).build();
        Snapshot observed = world().readyRuns("calo", 100, 104, 1).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.summary().of("calo").count(Tally.READY)).isEqualTo(5);
    }

    @Test
    void submissionsCarryTheInputsAndTheProductionsResources() {
        Production calo = production("calo").priority(7).memory(3000, 6000).build();
        Snapshot observed = world().ready(Fixtures.ready(key("calo", 100, 0), "A.root", "B.root")).snapshot();

        Action.Submit submit = plan(observed, calo).actionsOf(Action.Submit.class).get(0);

        assertThat(submit.memoryMib()).isEqualTo(3000);
        assertThat(submit.priority()).isEqualTo(7);
        assertThat(submit.specHash()).isEqualTo(calo.specHash());
        assertThat(submit.jobs()).singleElement().satisfies(job -> {
            assertThat(job.inputs()).containsExactly("A.root", "B.root");
            assertThat(job.attempt()).isEqualTo(1);
            assertThat(job.cause()).isEqualTo(SubmitCause.NEW);
        });
    }
}
