package gov.bnl.sphenix.production.plan;

import static gov.bnl.sphenix.production.plan.Fixtures.NOW;
import static gov.bnl.sphenix.production.plan.Fixtures.job;
import static gov.bnl.sphenix.production.plan.Fixtures.key;
import static gov.bnl.sphenix.production.plan.Fixtures.output;
import static gov.bnl.sphenix.production.plan.Fixtures.plan;
import static gov.bnl.sphenix.production.plan.Fixtures.production;
import static gov.bnl.sphenix.production.plan.Fixtures.ready;
import static gov.bnl.sphenix.production.plan.Fixtures.row;
import static gov.bnl.sphenix.production.plan.Fixtures.submitting;
import static gov.bnl.sphenix.production.plan.Fixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ledger and the batch system disagree: repair, never duplicate, never guess. */
class DriftTest {

    private final JobKey k = key("calo", 100, 0);
    private final Production calo = production("calo").build();

    @Test
    void aJobInTheQueueWithOurKeyButNoLedgerRowIsAdopted() {
        Snapshot observed = world().ready(ready(k)).queue(job(7, k, BatchState.RUNNING)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Adopt.class, adopt -> {
            assertThat(adopt.key()).isEqualTo(k);
            assertThat(adopt.job().id()).isEqualTo(new BatchJobId(7, 0));
            assertThat(adopt.reason()).isEqualTo("in the batch system under our key (running) but missing from the ledger");
        });
        assertThat(plan.summary().of("calo").count(Tally.RUNNING)).isEqualTo(1);
    }

    @Test
    void ofSeveralJobsWithoutALedgerRowTheFurthestAlongIsAdoptedAndTheOthersKilled() {
        Snapshot observed = world().ready(ready(k))
                .queue(job(7, k, BatchState.QUEUED), job(8, k, BatchState.RUNNING), job(9, k, BatchState.QUEUED)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actionsOf(Action.Adopt.class)).singleElement()
                .satisfies(a -> assertThat(a.job().id().cluster()).isEqualTo(8));
        assertThat(plan.actionsOf(Action.Kill.class)).extracting(kill -> kill.job().cluster()).containsExactly(7L, 9L);
        assertThat(plan.submittedKeys()).isEmpty();
    }

    @Test
    void aSubmissionThatReachedTheQueueBeforeItWasRecordedIsAdopted() {
        Snapshot observed = world().ready(ready(k)).ledger(submitting(k, NOW.minus(Duration.ofHours(5))))
                .queue(job(7, k, BatchState.QUEUED)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Adopt.class,
                adopt -> assertThat(adopt.reason()).isEqualTo("the submission reached the batch system as 7.0 before it was recorded"));
    }

    @Test
    void aSubmissionStillInFlightIsLeftAlone() {
        Snapshot observed = world().ready(ready(k)).ledger(submitting(k, NOW.minus(Duration.ofMinutes(14)))).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.summary().of("calo").count(Tally.SUBMITTING)).isEqualTo(1);
    }

    @Test
    void aStaleSubmissionIsResetAndSubmittedAgain() {
        LedgerRow stale = submitting(k, NOW.minus(Duration.ofMinutes(15)));
        Snapshot observed = world().ready(ready(k)).ledger(stale).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).hasSize(2);
        assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Action.ResetStale.class, reset -> {
            assertThat(reset.row()).isEqualTo(stale);
            assertThat(reset.reason()).isEqualTo("submitting since 15 min ago with no job in the batch queue or its history (timeout 15 min)");
        });
        assertThat(plan.actions().get(1)).isInstanceOfSatisfying(Action.Submit.class, submit ->
                assertThat(submit.jobs()).singleElement().satisfies(j -> {
                    assertThat(j.cause()).isEqualTo(SubmitCause.STALE);
                    assertThat(j.attempt()).isEqualTo(2);
                }));
    }

    @Test
    void aLostJobIsReplannedAtTheMemoryItHadClimbedTo() {
        LedgerRow queued = Fixtures.withMemory(row(k, LedgerState.QUEUED, 7), 8192);
        Snapshot observed = world().ready(ready(k)).ledger(queued).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Submit.class, submit -> {
            assertThat(submit.memoryMib()).isEqualTo(8192);
            assertThat(submit.jobs()).singleElement().satisfies(j -> assertThat(j.cause()).isEqualTo(SubmitCause.LOST));
            assertThat(submit.reason()).isEqualTo("1 newest first (run 100) — 1 lost: believed queued, but in neither the queue"
                    + " nor its history; the only pending key");
        });
        assertThat(plan.summary().of("calo").count(Tally.LOST)).isEqualTo(1);
    }

    @Test
    void aJobThatFinishedIsInTheHistoryAndNotLost() {
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.QUEUED, 7))
                .queue(job(7, k, BatchState.COMPLETED)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.summary().of("calo").count(Tally.COMPLETED)).isEqualTo(1);
    }

    @Test
    void aQueuedRowWithOutputsButNoJobAwaitsHarvestAndIsNotResubmitted() {
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.QUEUED, 7)).outputs(output(k)).snapshot();

        assertThat(plan(observed, calo).actions()).isEmpty();
    }

    @Test
    void aJobThatExitedWithAnErrorIsMarkedFailed() {
        Snapshot observed = world().ledger(row(k, LedgerState.QUEUED, 7))
                .queue(Fixtures.exited(job(7, k, BatchState.RUNNING), 3)).snapshot();

        assertThat(plan(observed, calo).actions()).singleElement().isInstanceOfSatisfying(Action.MarkFailed.class,
                f -> assertThat(f.reason()).isEqualTo("job 7.0 exited with code 3"));
    }

    @Test
    void aJobRemovedOutsideTheOperatorIsMarkedFailedNotResubmittedInALoop() {
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.QUEUED, 7))
                .queue(job(7, k, BatchState.REMOVED)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).singleElement().isInstanceOf(Action.MarkFailed.class);
    }

    @Test
    void aDuplicateJobOfAQueuedKeyIsKilled() {
        BatchJob own = job(7, k, BatchState.RUNNING);
        BatchJob duplicate = Fixtures.withToken(job(9, k, BatchState.QUEUED), "someone-else");
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.QUEUED, 7)).queue(own, duplicate).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Kill.class, kill -> {
            assertThat(kill.job()).isEqualTo(new BatchJobId(9, 0));
            assertThat(kill.reason()).isEqualTo("duplicate of 7.0; the ledger knows only 7.0 for this key");
        });
    }

    @Test
    void aJobOfAKeyTheLedgerHasFailedIsKilledAndNotResubmitted() {
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.FAILED, 7))
                .queue(job(7, k, BatchState.RUNNING)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).singleElement().isInstanceOf(Action.Kill.class);
    }

    @Test
    void aKilledKeyWhoseJobIsStillInTheQueueWaitsForItToLeave() {
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.KILLED, 7))
                .queue(job(7, k, BatchState.RUNNING)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actionsOf(Action.Kill.class)).hasSize(1);
        assertThat(plan.submittedKeys()).isEmpty();
    }

    @Test
    void aJobWithoutAKeyIsFoundByItsBatchToken() {
        BatchJob keyless = Fixtures.withoutKey(job(7, k, BatchState.RUNNING));
        Snapshot observed = world().ready(ready(k)).ledger(row(k, LedgerState.QUEUED, 7)).queue(keyless).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.summary().of("calo").count(Tally.RUNNING)).isEqualTo(1);
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void jobsWithoutAKeyThatNoRowKnowsAreLeftAlone() {
        BatchJob foreign = Fixtures.withToken(Fixtures.withoutKey(job(7, k, BatchState.RUNNING)), "not-ours");
        Snapshot observed = world().queue(foreign).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.notes()).containsExactly(
                "left alone: 1 job in the batch queue with a batch token that no ledger row knows and no job key");
    }

    @Test
    void anUnreadableQueuePlansNothing() {
        Snapshot observed = world().readyRuns("calo", 1, 10, 1).ledger(submitting(k, NOW.minus(Duration.ofDays(1))))
                .ledger(row(key("calo", 200, 0), LedgerState.QUEUED, 7)).unreadableQueue().snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.summary().queueReadable()).isFalse();
        assertThat(plan.notes()).singleElement().asString().contains("an unknown queue is not an empty one");
    }

    @Test
    void jobsOfAProductionNeitherDeclaredNorRemovedAreReportedNotKilled() {
        Snapshot observed = world().queue(job(7, key("ghost", 1, 0), BatchState.RUNNING)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.notes()).containsExactly(
                "left alone: 1 job in the batch queue of production ghost, which is neither declared nor removed");
    }
}
