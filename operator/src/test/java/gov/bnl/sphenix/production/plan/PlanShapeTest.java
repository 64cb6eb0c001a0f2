package gov.bnl.sphenix.production.plan;

import static gov.bnl.sphenix.production.plan.Fixtures.NOW;
import static gov.bnl.sphenix.production.plan.Fixtures.held;
import static gov.bnl.sphenix.production.plan.Fixtures.job;
import static gov.bnl.sphenix.production.plan.Fixtures.key;
import static gov.bnl.sphenix.production.plan.Fixtures.output;
import static gov.bnl.sphenix.production.plan.Fixtures.outputName;
import static gov.bnl.sphenix.production.plan.Fixtures.production;
import static gov.bnl.sphenix.production.plan.Fixtures.ready;
import static gov.bnl.sphenix.production.plan.Fixtures.row;
import static gov.bnl.sphenix.production.plan.Fixtures.submitting;
import static gov.bnl.sphenix.production.plan.Fixtures.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plan as a whole: the order of its steps, its summary, and the contract with the observation. */
class PlanShapeTest {

    @Test
    void actionsComeInStepsRepairStopReleaseDeleteSubmit() {
        Production calo = production("calo").rerun(RunSet.runs(300), "redo").build();
        JobKey stale = key("calo", 100, 0);
        JobKey duplicate = key("calo", 200, 0);
        JobKey heldKey = key("calo", 250, 0);
        JobKey rerun = key("calo", 300, 0);
        Snapshot observed = world()
                .ready(ready(stale), ready(rerun), ready(key("calo", 400, 0)))
                .ledger(submitting(stale, NOW.minus(Duration.ofHours(1))), row(duplicate, LedgerState.QUEUED, 20),
                        row(heldKey, LedgerState.QUEUED, 25), row(rerun, LedgerState.SUCCEEDED, 30))
                .queue(job(20, duplicate, BatchState.RUNNING), Fixtures.withToken(job(21, duplicate, BatchState.QUEUED), "x"),
                        held(25, heldKey, new Hold(21, 102, "memory"), 2048, NOW))
                .outputs(output(rerun, outputName(calo, rerun)))
                .snapshot();

        Plan plan = Fixtures.plan(observed, calo);

        assertThat(plan.actions()).extracting(a -> a.getClass().getSimpleName())
                .containsExactly("ResetStale", "Kill", "Release", "DeleteOutputs", "Submit");
        assertThat(plan.describe()).startsWith("reset calo/100/0: submitting since 1 h ago").contains("\nkill 21.0 (calo/200/0): ")
                .contains("\nsubmit 3 jobs of calo at 2 GB, priority 1: ");
    }

    @Test
    void theSummaryCountsEveryKeyOnceByItsMostCurrentState() {
        Production calo = production("calo").build();
        Snapshot observed = world()
                .ready(ready(key("calo", 1, 0)), ready(key("calo", 2, 0)), ready(key("calo", 3, 0)), ready(key("calo", 4, 0)))
                .ledger(row(key("calo", 2, 0), LedgerState.QUEUED, 2), row(key("calo", 3, 0), LedgerState.FAILED, 3))
                .queue(job(2, key("calo", 2, 0), BatchState.QUEUED))
                .outputs(output(key("calo", 4, 0)))
                .snapshot();

        ProductionSummary summary = Fixtures.plan(observed, calo).summary().of("calo");

        assertThat(summary.jobs()).containsOnly(
                Map.entry(Tally.READY, 1L), Map.entry(Tally.QUEUED, 1L),
                Map.entry(Tally.FAILED, 1L), Map.entry(Tally.SUCCEEDED, 1L));
    }

    @Test
    void theSameInputGivesAnEqualPlanWhateverTheOrderOfProductionsAndJobs() {
        Production a = production("a").limits(100, 5).build();
        Production b = production("b").priority(3).limits(100, 5).build();
        Fixtures.World forward = world().readyRuns("a", 1, 20, 2).readyRuns("b", 1, 20, 2);
        Fixtures.World backward = world().readyRuns("b", 1, 20, 2).readyRuns("a", 1, 20, 2);
        forward.queue(job(1, key("a", 1, 0), BatchState.QUEUED), job(2, key("b", 1, 0), BatchState.QUEUED));
        backward.queue(job(2, key("b", 1, 0), BatchState.QUEUED), job(1, key("a", 1, 0), BatchState.QUEUED));
        Planner planner = new Planner(PlannerSettings.DEFAULTS.withGlobalQueueBudget(7));

        Plan one = planner.plan(DesiredState.of(List.of(a, b)), forward.snapshot());
        Plan two = planner.plan(DesiredState.of(List.of(b, a)), backward.snapshot());

        assertThat(one.submittedKeys()).isNotEmpty();
        assertThat(two).isEqualTo(one);
    }

    @Test
    void everyStreamThePlannerOpensIsClosed() {
        AtomicInteger open = new AtomicInteger();
        Snapshot data = world().readyRuns("calo", 1, 5, 1).snapshot();
        Observation counting = new Observation() {
            @Override
            public Instant now() {
                return NOW;
            }

            @Override
            public BatchQueue queue() {
                return data.queue();
            }

            @Override
            public Stream<Candidate> candidates(String production) {
                return tracked(data.candidates(production));
            }

            @Override
            public Stream<LedgerRow> ledger(String production) {
                return tracked(data.ledger(production));
            }

            @Override
            public Stream<ExistingOutput> outputs(String production) {
                return tracked(data.outputs(production));
            }

            @Override
            public Stream<LiveJobInputs> liveJobInputs() {
                return tracked(data.liveJobInputs());
            }

            private <T> Stream<T> tracked(Stream<T> stream) {
                open.incrementAndGet();
                return stream.onClose(open::decrementAndGet);
            }
        };

        Plan plan = new Planner(PlannerSettings.DEFAULTS).plan(DesiredState.of(List.of(production("calo").build())), counting);

        assertThat(plan.submittedKeys()).hasSize(5);
        assertThat(open).hasValue(0);
    }

    @Test
    void aStreamOutOfKeyOrderIsRefusedRatherThanPlannedOn() {
        List<Candidate> unsorted = new ArrayList<>(List.of(ready(key("calo", 2, 0)), ready(key("calo", 1, 0))));
        Observation observed = new Observation() {
            @Override
            public Instant now() {
                return NOW;
            }

            @Override
            public BatchQueue queue() {
                return BatchQueue.of(List.of());
            }

            @Override
            public Stream<Candidate> candidates(String production) {
                return unsorted.stream();
            }

            @Override
            public Stream<LedgerRow> ledger(String production) {
                return Stream.empty();
            }

            @Override
            public Stream<ExistingOutput> outputs(String production) {
                return Stream.empty();
            }

            @Override
            public Stream<LiveJobInputs> liveJobInputs() {
                return Stream.empty();
            }
        };
        Planner planner = new Planner(PlannerSettings.DEFAULTS);
        DesiredState desired = DesiredState.of(List.of(production("calo").build()));

        assertThatThrownBy(() -> planner.plan(desired, observed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("candidates of production calo must be sorted by job key without duplicates: calo/1/0 came after calo/2/0");
    }

    @Test
    void aProductionBothDeclaredAndRemovedIsRefused() {
        Production calo = production("calo").build();

        assertThatThrownBy(() -> new DesiredState(List.of(calo), List.of(new RemovedProduction(calo, NOW))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calo is both declared and removed");
    }
}
