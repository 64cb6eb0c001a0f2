package gov.bnl.sphenix.production.plan;

import static gov.bnl.sphenix.production.plan.Fixtures.job;
import static gov.bnl.sphenix.production.plan.Fixtures.key;
import static gov.bnl.sphenix.production.plan.Fixtures.output;
import static gov.bnl.sphenix.production.plan.Fixtures.outputName;
import static gov.bnl.sphenix.production.plan.Fixtures.plan;
import static gov.bnl.sphenix.production.plan.Fixtures.production;
import static gov.bnl.sphenix.production.plan.Fixtures.ready;
import static gov.bnl.sphenix.production.plan.Fixtures.row;
import static gov.bnl.sphenix.production.plan.Fixtures.withRerunToken;
import static gov.bnl.sphenix.production.plan.Fixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A key is planned once: never while live or finished in the ledger or while its outputs exist, unless rerun. */
class DedupeTest {

    private final JobKey k = key("calo", 100, 0);

    @ParameterizedTest
    @EnumSource(value = LedgerState.class, names = {"QUEUED", "SUCCEEDED", "FAILED"})
    void aKeyTheLedgerHoldsLiveOrFinishedIsNotSubmitted(LedgerState state) {
        Production calo = production("calo").build();
        Snapshot observed = world().ready(ready(k)).ledger(row(k, state, 7))
                .queue(job(7, k, BatchState.QUEUED)).snapshot();

        assertThat(plan(observed, calo).submittedKeys()).doesNotContain(k);
    }

    @Test
    void aKeyWhoseOutputsExistIsNotSubmitted() {
        Production calo = production("calo").build();
        Snapshot observed = world().ready(ready(k)).outputs(output(k)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.submittedKeys()).isEmpty();
        assertThat(plan.summary().of("calo").count(Tally.SUCCEEDED)).isEqualTo(1);
    }

    @Test
    void aKeyKilledBeforeIsSubmittedAgainWithTheNextAttempt() {
        Production calo = production("calo").build();
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.KILLED, 7)).snapshot();

        Action.Submit submit = plan(observed, calo).actionsOf(Action.Submit.class).get(0);

        assertThat(submit.jobs()).singleElement().satisfies(j -> {
            assertThat(j.key()).isEqualTo(k);
            assertThat(j.attempt()).isEqualTo(2);
            assertThat(j.cause()).isEqualTo(SubmitCause.AGAIN);
        });
    }

    @Test
    void aChangedRerunTokenDeletesTheOutputsAndSubmitsAnew() {
        Production calo = production("calo").rerun(RunSet.runs(100), "redo-1").build();
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.SUCCEEDED, 7))
                .outputs(output(k, outputName(calo, k))).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).hasSize(2);
        Action.DeleteOutputs delete = (Action.DeleteOutputs) plan.actions().get(0);
        assertThat(delete.keys()).containsExactly(k);
        assertThat(delete.reason()).contains("rerun token");
        Action.Submit submit = (Action.Submit) plan.actions().get(1);
        assertThat(submit.jobs()).singleElement().satisfies(j -> {
            assertThat(j.rerunToken()).isEqualTo("redo-1");
            assertThat(j.cause()).isEqualTo(SubmitCause.RERUN);
            assertThat(j.attempt()).isEqualTo(2);
        });
    }

    @Test
    void aChangedRerunTokenKillsTheLiveJobFirstAndSubmitsOnceItIsGone() {
        Production calo = production("calo").rerun(RunSet.runs(100), "redo-1").build();
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.QUEUED, 7))
                .queue(job(7, k, BatchState.RUNNING)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Kill.class, kill -> {
            assertThat(kill.job()).isEqualTo(new BatchJobId(7, 0));
            assertThat(kill.reason()).isEqualTo("the rerun token of run 100 changed from (none) to 'redo-1'");
        });
    }

    @Test
    void theSameRerunTokenIsDoneOnceNotInALoop() {
        Production calo = production("calo").rerun(RunSet.runs(100), "redo-1").build();
        LedgerRow rerunDone = withRerunToken(row(k, LedgerState.SUCCEEDED, 9), "redo-1");
        Snapshot observed = world().ready(ready(k)).ledger(rerunDone).outputs(output(k, outputName(calo, k))).snapshot();

        assertThat(plan(observed, calo).actions()).isEmpty();
    }

    @Test
    void outputsMadeBeforeAnyTokenAreRedoneWhenATokenIsDeclared() {
        // the ledger row of the harvest proves the outputs are the production's own, made under no token
        Production calo = production("calo").rerun(RunSet.runs(100), "redo-1").build();
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.SUCCEEDED, 7))
                .outputs(output(k, outputName(calo, k))).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actionsOf(Action.DeleteOutputs.class)).singleElement()
                .satisfies(d -> assertThat(d.keys()).containsExactly(k));
        assertThat(plan.submittedKeys()).containsExactly(k);
    }

    @Test
    void aRerunNeverDeletesOutputsItsLedgerDoesNotShowItMade() {
        // no ledger row: the outputs came from the old system or another production; they are not the operator's
        Production calo = production("calo").rerun(RunSet.runs(100), "redo-1").build();
        Snapshot observed = world().ready(ready(k)).outputs(output(k, outputName(calo, k))).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actionsOf(Action.DeleteOutputs.class)).isEmpty();
        assertThat(plan.submittedKeys()).isEmpty();
        assertThat(plan.notes()).contains("rerun of 1 job of calo left alone: their outputs are not shown as its own"
                + " by its ledger (another production's, or older), and are never deleted");
    }

    @Test
    void aRerunDoesNotDeleteAnInputOfAnUnfinishedJobOfAnotherProduction() {
        Production calo = production("calo").rerun(RunSet.runs(100), "redo-1").build();
        Production jets = production("jets").build();
        String caloFile = outputName(calo, k);
        JobKey jetsKey = key("jets", 100, 0);
        Snapshot observed = world()
                .ready(ready(k), ready(jetsKey, caloFile))
                .ledger(row(k, LedgerState.SUCCEEDED, 7))
                .outputs(output(k, caloFile))
                .snapshot();

        Plan plan = plan(observed, calo, jets);

        assertThat(plan.actionsOf(Action.DeleteOutputs.class)).isEmpty();
        assertThat(plan.actionsOf(Action.BlockedDeletion.class)).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo(k);
            assertThat(b.file()).isEqualTo(caloFile);
            assertThat(b.blockingProduction()).isEqualTo("jets");
            assertThat(b.neededBy()).isEqualTo(jetsKey);
        });
        assertThat(plan.submittedKeys()).containsExactly(jetsKey);
    }

    @Test
    void droppingAFinishedRerunFromTheSpecDoesNotRedoIt() {
        Production calo = production("calo").build();
        LedgerRow rerunDone = withRerunToken(row(k, LedgerState.SUCCEEDED, 9), "redo-1");
        Snapshot observed = world().ready(ready(k)).ledger(rerunDone).outputs(output(k, outputName(calo, k))).snapshot();

        assertThat(plan(observed, calo).actions()).isEmpty();
    }

    @Test
    void aFailedKeyIsRetriedOnlyThroughANewRerunToken() {
        LedgerRow failed = row(k, LedgerState.FAILED, 7);
        Snapshot observed = world().ready(ready(k)).ledger(failed).snapshot();

        assertThat(plan(observed, production("calo").build()).submittedKeys()).isEmpty();
        assertThat(plan(observed, production("calo").rerun(RunSet.runs(100), "retry").build()).submittedKeys())
                .containsExactly(k);
    }
}
