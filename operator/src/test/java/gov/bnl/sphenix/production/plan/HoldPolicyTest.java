package gov.bnl.sphenix.production.plan;

import static gov.bnl.sphenix.production.plan.Fixtures.NOW;
import static gov.bnl.sphenix.production.plan.Fixtures.held;
import static gov.bnl.sphenix.production.plan.Fixtures.job;
import static gov.bnl.sphenix.production.plan.Fixtures.key;
import static gov.bnl.sphenix.production.plan.Fixtures.plan;
import static gov.bnl.sphenix.production.plan.Fixtures.production;
import static gov.bnl.sphenix.production.plan.Fixtures.row;
import static gov.bnl.sphenix.production.plan.Fixtures.withHolds;
import static gov.bnl.sphenix.production.plan.Fixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Held, evicted and overlong jobs: every loop ends. */
class HoldPolicyTest {

    private final JobKey k = key("calo", 100, 0);
    private final Production calo = production("calo").memory(2048, 4096, 8192).build();
    private final Hold policyHold = new Hold(3, 0, "NumJobStarts >= 1 && JobStatus == 1");

    static Stream<Arguments> memoryHolds() {
        return Stream.of(
                Arguments.of(new Hold(21, 102, "memory usage exceeded request_memory")),
                Arguments.of(new Hold(3, 34, "MemoryUsage > RequestMemory")),
                Arguments.of(new Hold(34, 0, "Job has gone over cgroup memory limit")));
    }

    @ParameterizedTest
    @MethodSource("memoryHolds")
    void aMemoryHoldClimbsToTheNextRungOfTheLadder(Hold hold) {
        Snapshot observed = world().ledger(row(k, LedgerState.QUEUED, 7)).queue(held(7, k, hold, 2048, NOW)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Release.class, release -> {
            assertThat(release.newMemoryMib()).isEqualTo(4096);
            assertThat(release.hold()).isEqualTo(hold);
            assertThat(release.reason()).startsWith("memory exceeded at 2 GB (" + hold + "): next rung 4 GB of [2 GB, 4 GB, 8 GB]");
        });
    }

    @Test
    void aMemoryHoldBetweenRungsGoesToTheRungAbove() {
        Snapshot observed = world().ledger(row(k, LedgerState.QUEUED, 7))
                .queue(held(7, k, new Hold(21, 102, "memory"), 5000, NOW)).snapshot();

        assertThat(plan(observed, calo).actionsOf(Action.Release.class)).singleElement()
                .satisfies(r -> assertThat(r.newMemoryMib()).isEqualTo(8192));
    }

    @Test
    void aMemoryHoldAtTheTopRungKillsAndFailsWithTheReason() {
        Hold hold = new Hold(21, 102, "memory usage exceeded request_memory");
        Snapshot observed = world().ledger(row(k, LedgerState.QUEUED, 7)).queue(held(7, k, hold, 8192, NOW)).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).hasSize(2);
        assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Action.Kill.class,
                kill -> assertThat(kill.job()).isEqualTo(new BatchJobId(7, 0)));
        assertThat(plan.actions().get(1)).isInstanceOfSatisfying(Action.MarkFailed.class, failed -> {
            assertThat(failed.key()).isEqualTo(k);
            assertThat(failed.hold()).contains(hold);
            assertThat(failed.reason()).isEqualTo("memory exceeded at 8 GB, the top of its memory ladder [2 GB, 4 GB, 8 GB] ("
                    + hold + ")");
        });
    }

    @Test
    void anotherHoldWaitsForItsBackOff() {
        Snapshot observed = world().ledger(row(k, LedgerState.QUEUED, 7))
                .queue(held(7, k, policyHold, 2048, NOW.minus(Duration.ofMinutes(9)))).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.summary().of("calo").holdReasons()).containsEntry(policyHold.toString(), 1L);
    }

    @Test
    void anotherHoldIsReleasedAfterItsBackOffAtTheSameMemory() {
        Snapshot observed = world().ledger(row(k, LedgerState.QUEUED, 7))
                .queue(held(7, k, policyHold, 4096, NOW.minus(Duration.ofMinutes(10)))).snapshot();

        assertThat(plan(observed, calo).actions()).singleElement().isInstanceOfSatisfying(Action.Release.class, r -> {
            assertThat(r.newMemoryMib()).isEqualTo(4096);
            assertThat(r.reason()).isEqualTo("held (" + policyHold + "); release 1 of 3 after a back-off of 10 min");
        });
    }

    @Test
    void theBackOffDoublesWithEachRelease() {
        LedgerRow releasedTwice = withHolds(row(k, LedgerState.QUEUED, 7), policyHold, policyHold);
        Snapshot early = world().ledger(releasedTwice)
                .queue(held(7, k, policyHold, 2048, NOW.minus(Duration.ofMinutes(39)))).snapshot();
        Snapshot due = world().ledger(releasedTwice)
                .queue(held(7, k, policyHold, 2048, NOW.minus(Duration.ofMinutes(40)))).snapshot();

        assertThat(plan(early, calo).actions()).isEmpty();
        assertThat(plan(due, calo).actionsOf(Action.Release.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("release 3 of 3 after a back-off of 40 min"));
    }

    @Test
    void anotherHoldFailsAfterTheLastRelease() {
        LedgerRow releasedThrice = withHolds(row(k, LedgerState.QUEUED, 7), policyHold, policyHold, policyHold);
        Snapshot observed = world().ledger(releasedThrice).queue(held(7, k, policyHold, 2048, NOW.minus(Duration.ofDays(1))))
                .snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).extracting(a -> a.getClass().getSimpleName()).containsExactly("Kill", "MarkFailed");
        assertThat(plan.actionsOf(Action.MarkFailed.class).get(0).reason())
                .isEqualTo("held again after 3 releases (at most 3): " + policyHold);
    }

    @Test
    void memoryReleasesDoNotUseUpTheReleasesForOtherHolds() {
        Hold memory = new Hold(21, 102, "memory");
        LedgerRow climbedTwice = withHolds(row(k, LedgerState.QUEUED, 7), memory, memory);
        Snapshot observed = world().ledger(climbedTwice)
                .queue(held(7, k, policyHold, 8192, NOW.minus(Duration.ofHours(1)))).snapshot();

        assertThat(plan(observed, calo).actionsOf(Action.Release.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("release 1 of 3"));
    }

    @Test
    void aJobRestartedAfterEvictionTooOftenIsStopped() {
        // 6 starts: the first, one after a release, four after evictions (more than the 3 allowed)
        LedgerRow releasedOnce = withHolds(row(k, LedgerState.QUEUED, 7), policyHold);
        BatchJob restarting = Fixtures.withStarts(job(7, k, BatchState.RUNNING), 6);
        Snapshot observed = world().ledger(releasedOnce).queue(restarting).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).extracting(a -> a.getClass().getSimpleName()).containsExactly("Kill", "MarkFailed");
        assertThat(plan.actionsOf(Action.MarkFailed.class).get(0).reason())
                .isEqualTo("restarted 4 times after eviction, more than the 3 allowed");
    }

    @Test
    void aJobRestartedWithinTheLimitRuns() {
        BatchJob restarting = Fixtures.withStarts(job(7, k, BatchState.RUNNING), 4);
        Snapshot observed = world().ledger(row(k, LedgerState.QUEUED, 7)).queue(restarting).snapshot();

        assertThat(plan(observed, calo).actions()).isEmpty();
    }

    @Test
    void aJobOverTheMaximumRunTimeIsKilledAndFailed() {
        BatchJob overlong = Fixtures.startedAt(job(7, k, BatchState.RUNNING), NOW.minus(Duration.ofDays(3).plusHours(2)));
        Snapshot observed = world().ledger(row(k, LedgerState.QUEUED, 7)).queue(overlong).snapshot();

        Plan plan = plan(observed, calo);

        assertThat(plan.actions()).extracting(Action::reason).containsExactly(
                "running for 3 d 2 h, longer than the maximum run time of 3 d",
                "running for 3 d 2 h, longer than the maximum run time of 3 d");
        assertThat(plan.actions().get(0)).isInstanceOf(Action.Kill.class);
        assertThat(plan.actions().get(1)).isInstanceOf(Action.MarkFailed.class);
    }

    @Test
    void aProductionsOwnMaximumRunTimeLetsItsLongEventBuildersRunAndStopsThemAtIt() {
        Production builder = production("calo").maxRunTime(Duration.ofDays(5)).build();
        BatchJob fourDays = Fixtures.startedAt(job(7, k, BatchState.RUNNING), NOW.minus(Duration.ofDays(4)));
        BatchJob sixDays = Fixtures.startedAt(job(7, k, BatchState.RUNNING), NOW.minus(Duration.ofDays(6)));

        Plan running = plan(world().ledger(row(k, LedgerState.QUEUED, 7)).queue(fourDays).snapshot(), builder);
        Plan stopped = plan(world().ledger(row(k, LedgerState.QUEUED, 7)).queue(sixDays).snapshot(), builder);

        assertThat(running.actions()).as("past the operator's 3 d, within its own 5 d").isEmpty();
        assertThat(stopped.actions()).extracting(Action::reason).containsOnly(
                "running for 6 d, longer than the maximum run time of 5 d");
    }

    @Test
    void aReleasedJobCountsAsQueuedAgain() {
        Production capped = production("calo").limits(1, 10).build();
        Snapshot observed = world().readyRuns("calo", 200, 210, 1).ledger(row(k, LedgerState.QUEUED, 7))
                .queue(held(7, k, new Hold(21, 102, "memory"), 2048, NOW)).snapshot();

        Plan plan = plan(observed, capped);

        assertThat(plan.actionsOf(Action.Release.class)).hasSize(1);
        assertThat(plan.submittedKeys()).isEmpty();
    }

    @Test
    void holdReasonsAreKeptForStatus() {
        JobKey other = key("calo", 101, 0);
        Snapshot observed = world()
                .ledger(row(k, LedgerState.QUEUED, 7), row(other, LedgerState.QUEUED, 8))
                .queue(held(7, k, policyHold, 2048, NOW), held(8, other, policyHold, 2048, NOW))
                .snapshot();

        ProductionSummary summary = plan(observed, calo).summary().of("calo");

        assertThat(summary.count(Tally.HELD)).isEqualTo(2);
        assertThat(summary.holdReasons()).isEqualTo(Map.of(policyHold.toString(), 2L));
        assertThat(List.copyOf(summary.holdReasons().keySet())).containsExactly("code 3/0: NumJobStarts >= 1 && JobStatus == 1");
    }

    @Test
    void thePlannersMemoryHoldsAreTheHoldsThatSayMemoryExceeded() {
        for (int code : new int[] {1, 3, 12, 13, 21, 26, 34, 35}) {
            for (int subcode : new int[] {0, 34, 35, 36, 102}) {
                Hold hold = new Hold(code, subcode, "");
                assertThat(PlannerSettings.MEMORY_HOLDS.stream().anyMatch(s -> s.matches(hold)))
                        .as("code %d/%d", code, subcode).isEqualTo(hold.isMemoryExceeded());
            }
        }
    }
}
