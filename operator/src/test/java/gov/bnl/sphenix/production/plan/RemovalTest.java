package gov.bnl.sphenix.production.plan;

import static gov.bnl.sphenix.production.plan.Fixtures.NOW;
import static gov.bnl.sphenix.production.plan.Fixtures.job;
import static gov.bnl.sphenix.production.plan.Fixtures.key;
import static gov.bnl.sphenix.production.plan.Fixtures.output;
import static gov.bnl.sphenix.production.plan.Fixtures.outputName;
import static gov.bnl.sphenix.production.plan.Fixtures.production;
import static gov.bnl.sphenix.production.plan.Fixtures.ready;
import static gov.bnl.sphenix.production.plan.Fixtures.row;
import static gov.bnl.sphenix.production.plan.Fixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RemovalPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A production gone from the desired state: kill, then perhaps delete, never what a live job reads. */
class RemovalTest {

    private static final Instant REMOVED_AT = NOW.minus(Duration.ofDays(2));

    private static Plan plan(Snapshot observed, List<Production> live, RemovedProduction... removed) {
        return plan(PlannerSettings.DEFAULTS, observed, live, removed);
    }

    private static Plan plan(PlannerSettings settings, Snapshot observed, List<Production> live, RemovedProduction... removed) {
        return new Planner(settings).plan(new DesiredState(live, List.of(removed)), observed);
    }

    private static RemovedProduction removed(Production spec) {
        return new RemovedProduction(spec, REMOVED_AT);
    }

    @Test
    void killsEveryLiveJobOfARemovedProduction() {
        Production calo = production("calo").onRemoval(RemovalPolicy.Action.KILL, Duration.ZERO).build();
        JobKey a = key("calo", 100, 0);
        JobKey b = key("calo", 100, 1);
        JobKey c = key("calo", 100, 2);
        Snapshot observed = world().queue(job(1, a, BatchState.RUNNING), job(2, b, BatchState.HELD),
                job(3, c, BatchState.COMPLETED)).snapshot();

        Plan plan = plan(observed, List.of(), removed(calo));

        assertThat(plan.actionsOf(Action.Kill.class))
                .extracting(k -> k.job().cluster()).containsExactly(1L, 2L);
        assertThat(plan.actions()).allSatisfy(a2 -> assertThat(a2.reason())
                .isEqualTo("production calo was removed from the specs at " + REMOVED_AT + "; its removal policy is kill"));
        assertThat(plan.summary().of("calo").removed()).isTrue();
        assertThat(plan.summary().of("calo").count(Tally.RUNNING)).isEqualTo(1);
    }

    @Test
    void keepLeavesJobsAndOutputsAlone() {
        Production calo = production("calo").onRemoval(RemovalPolicy.Action.KEEP, Duration.ZERO).build();
        JobKey a = key("calo", 100, 0);
        Snapshot observed = world().queue(job(1, a, BatchState.RUNNING)).outputs(output(key("calo", 99, 0))).snapshot();

        assertThat(plan(observed, List.of(), removed(calo)).actions()).isEmpty();
    }

    @Test
    void aRemovedProductionsRunningJobsStillTakeTheirPlaceInTheBudget() {
        Production kept = production("kept").onRemoval(RemovalPolicy.Action.KEEP, Duration.ZERO).build();
        Production calo = production("calo").build();
        Snapshot observed = world().readyRuns("calo", 1, 10, 1)
                .queue(job(1, key("kept", 1, 0), BatchState.RUNNING), job(2, key("kept", 2, 0), BatchState.QUEUED)).snapshot();

        Plan plan = plan(PlannerSettings.DEFAULTS.withGlobalQueueBudget(5), observed, List.of(calo), removed(kept));

        assertThat(plan.submittedKeys()).hasSize(3);
    }

    @Test
    void outputsAreNotDeletedBeforeTheGracePeriodEnds() {
        Production calo = production("calo").onRemoval(RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS, Duration.ofDays(3)).build();
        Snapshot observed = world().outputs(output(key("calo", 100, 0))).snapshot();

        Plan plan = plan(observed, List.of(), removed(calo));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.notes()).containsExactly("outputs of removed production calo are deleted from "
                + REMOVED_AT.plus(Duration.ofDays(3)) + ", when its grace period of 3 d is over");
    }

    @Test
    void outputsWaitUntilTheJobsHaveLeftTheQueue() {
        Production calo = production("calo").onRemoval(RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS, Duration.ofDays(1)).build();
        Snapshot observed = world().queue(job(1, key("calo", 101, 0), BatchState.RUNNING))
                .outputs(output(key("calo", 100, 0))).snapshot();

        Plan plan = plan(observed, List.of(), removed(calo));

        assertThat(plan.actions()).singleElement().isInstanceOf(Action.Kill.class);
        assertThat(plan.notes()).containsExactly(
                "outputs of removed production calo are deleted once none of its jobs is left in the batch queue (1 now)");
    }

    @Test
    void afterTheGracePeriodOutputsAreDeletedInBatches() {
        Production calo = production("calo").onRemoval(RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS, Duration.ofDays(1)).build();
        Fixtures.World observed = world();
        for (int run = 1; run <= 5; run++) {
            observed.outputs(output(key("calo", run, 0))).ledger(row(key("calo", run, 0), LedgerState.SUCCEEDED, run));
        }

        Plan plan = plan(PlannerSettings.DEFAULTS.withDeleteBatchSize(2), observed.snapshot(), List.of(), removed(calo));

        List<Action.DeleteOutputs> deletes =
                plan.actionsOf(Action.DeleteOutputs.class);
        assertThat(deletes).extracting(d -> d.keys().size()).containsExactly(2, 2, 1);
        assertThat(deletes).flatExtracting(Action.DeleteOutputs::keys)
                .extracting(JobKey::run).containsExactly(1, 2, 3, 4, 5);
        assertThat(deletes.get(0).reason()).endsWith("kill-and-delete-outputs, and its grace period of 1 d is over");
    }

    @Test
    void anInputOfAnUnfinishedJobOfALiveProductionIsNeverDeleted() {
        Production calofit = production("calofit").onRemoval(RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS, Duration.ZERO).build();
        Production calo = production("calo").build();
        JobKey needed = key("calofit", 100, 0);
        JobKey notNeeded = key("calofit", 100, 1);
        JobKey consumedByFinished = key("calofit", 100, 2);
        String neededFile = outputName(calofit, needed);
        JobKey consumer = key("calo", 100, 0);
        JobKey finishedConsumer = key("calo", 100, 2);
        Snapshot observed = world()
                .ready(ready(consumer, "/lustre/dst/" + neededFile),
                        ready(finishedConsumer, outputName(calofit, consumedByFinished)))
                .ledger(row(consumer, LedgerState.QUEUED, 5), row(finishedConsumer, LedgerState.SUCCEEDED, 6),
                        row(needed, LedgerState.SUCCEEDED, 1), row(notNeeded, LedgerState.SUCCEEDED, 2),
                        row(consumedByFinished, LedgerState.SUCCEEDED, 3))
                .queue(job(5, consumer, BatchState.QUEUED))
                .outputs(output(needed, neededFile), output(notNeeded, outputName(calofit, notNeeded)),
                        output(consumedByFinished, outputName(calofit, consumedByFinished)))
                .snapshot();

        Plan plan = plan(observed, List.of(calo), removed(calofit));

        assertThat(plan.actionsOf(Action.DeleteOutputs.class))
                .flatExtracting(Action.DeleteOutputs::keys)
                .containsExactly(notNeeded, consumedByFinished);
        assertThat(plan.actionsOf(Action.BlockedDeletion.class)).singleElement()
                .satisfies(b -> {
                    assertThat(b.key()).isEqualTo(needed);
                    assertThat(b.blockingProduction()).isEqualTo("calo");
                    assertThat(b.reason()).isEqualTo("removing production calofit would delete " + neededFile
                            + ", an input of unfinished job calo/100/0 of production calo");
                });
    }

    @Test
    void aRevertDeletesOnlyWhatTheRemovedProductionMadeNeverAnotherProductionsOrOlderFiles() {
        Production calo = production("calo").onRemoval(RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS, Duration.ZERO).build();
        JobKey made = key("calo", 100, 0);
        JobKey failedThenMadeElsewhere = key("calo", 101, 0);
        JobKey older = key("calo", 102, 0);
        Snapshot observed = world()
                .ledger(row(made, LedgerState.SUCCEEDED, 1), row(failedThenMadeElsewhere, LedgerState.FAILED, 2))
                .outputs(output(made), output(failedThenMadeElsewhere), output(older))
                .snapshot();

        Plan plan = plan(observed, List.of(), removed(calo));

        assertThat(plan.actionsOf(Action.DeleteOutputs.class)).flatExtracting(Action.DeleteOutputs::keys)
                .containsExactly(made);
        assertThat(plan.notes()).contains("left alone: 2 outputs in the namespace of removed production calo that its"
                + " ledger does not show it made (another production's, or older)");
    }

    @Test
    void theRecordedInputsOfARunningJobAreSparedEvenWhenNoSpecSelectsItsRunAnyMore() {
        Production calofit = production("calofit").onRemoval(RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS, Duration.ZERO).build();
        Production kept = production("kept").onRemoval(RemovalPolicy.Action.KEEP, Duration.ZERO).build();
        Production calo = production("calo").build();
        JobKey readByKept = key("calofit", 100, 0);
        JobKey readByDroppedRun = key("calofit", 100, 1);
        JobKey free = key("calofit", 100, 2);
        JobKey keptJob = key("kept", 100, 0);
        JobKey droppedRunJob = key("calo", 999, 1);
        Snapshot observed = world()
                .ledger(row(readByKept, LedgerState.SUCCEEDED, 1), row(readByDroppedRun, LedgerState.SUCCEEDED, 2),
                        row(free, LedgerState.SUCCEEDED, 3), row(droppedRunJob, LedgerState.QUEUED, 8))
                .queue(job(7, keptJob, BatchState.RUNNING), job(8, droppedRunJob, BatchState.RUNNING))
                .outputs(output(readByKept, outputName(calofit, readByKept)),
                        output(readByDroppedRun, outputName(calofit, readByDroppedRun)),
                        output(free, outputName(calofit, free)))
                .live(LiveJobInputs.recorded(keptJob, List.of("/sphenix/lustre/" + outputName(calofit, readByKept))),
                        LiveJobInputs.recorded(droppedRunJob, List.of(outputName(calofit, readByDroppedRun))))
                .snapshot();

        Plan plan = plan(observed, List.of(calo), removed(calofit), removed(kept));

        assertThat(plan.actionsOf(Action.DeleteOutputs.class)).flatExtracting(Action.DeleteOutputs::keys)
                .containsExactly(free);
        assertThat(plan.actionsOf(Action.BlockedDeletion.class)).extracting(Action.BlockedDeletion::neededBy)
                .containsExactlyInAnyOrder(keptJob, droppedRunJob);
    }

    @Test
    void aLiveJobWhoseInputsAreUnknownMakesDeletionsWaitWithOneReport() {
        Production calofit = production("calofit").onRemoval(RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS, Duration.ZERO).build();
        JobKey adopted = key("calo", 100, 0);
        Fixtures.World world = world().live(LiveJobInputs.unknown(adopted));
        for (int seg = 0; seg < 3; seg++) {
            world.outputs(output(key("calofit", 100, seg))).ledger(row(key("calofit", 100, seg), LedgerState.SUCCEEDED, seg));
        }

        Plan plan = plan(world.snapshot(), List.of(), removed(calofit));

        assertThat(plan.actionsOf(Action.DeleteOutputs.class)).isEmpty();
        assertThat(plan.actionsOf(Action.BlockedDeletion.class)).singleElement().satisfies(b -> {
            assertThat(b.neededBy()).isEqualTo(adopted);
            assertThat(b.reason()).isEqualTo("removing production calofit waits with 3 outputs: live job calo/100/0 of"
                    + " production calo has no recorded input list (adopted from the queue, or submitted before inputs"
                    + " were recorded), so no file can be proven unused until it ends");
        });
    }
}
