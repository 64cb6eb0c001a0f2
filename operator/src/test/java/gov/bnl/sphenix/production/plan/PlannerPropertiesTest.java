package gov.bnl.sphenix.production.plan;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.Production;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner's invariants over many generated worlds (see {@link RandomWorlds}). Each seed is one
 * test case, named by its seed, so a failure is reproduced by running that seed alone.
 */
class PlannerPropertiesTest {

    static LongStream seeds() {
        return LongStream.range(0, 400).map(i -> 0x5EED_0000L + i * 7919);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverTwoSubmitsForOneKeyNorTwoLiveJobsAfterwards(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Plan plan = world.plan();

        List<JobKey> submitted = plan.submittedKeys();
        assertThat(new HashSet<>(submitted)).as("distinct submitted keys").hasSameSizeAs(submitted);

        Snapshot after = PlanApplier.apply(world.snapshot(), plan);
        Set<String> live = liveNames(world);
        Map<JobKey, Long> liveJobsPerKey = liveJobsByKey(after).entrySet().stream()
                .filter(e -> live.contains(e.getKey().production()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(liveJobsPerKey).as("live jobs per key after the plan").allSatisfy((key, n) -> assertThat(n).isEqualTo(1L));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void onlyKeysThatAreDueAreSubmitted(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Plan plan = world.plan();
        Snapshot observed = world.snapshot();
        Set<JobKey> deletedFirst = new HashSet<>();
        for (Action action : plan.actions()) {
            if (action instanceof Action.DeleteOutputs delete) {
                deletedFirst.addAll(delete.keys());
            }
            if (!(action instanceof Action.Submit submit)) {
                continue;
            }
            Production production = production(world, submit.production());
            for (JobKey key : submit.keys()) {
                assertThat(production.runs().contains(key.run())).as("%s is a declared run", key).isTrue();
                assertThat(production.segments().includes(key.segment())).as("%s is a declared segment", key).isTrue();
                assertThat(candidate(observed, key)).as("%s is ready", key).isTrue();
                LedgerRow row = ledgerRow(observed, key);
                String declared = production.rerunTokenFor(key.run());
                boolean rerun = !declared.isEmpty() && (row == null || !row.rerunToken().equals(declared));
                boolean outputExists = observed.outputs(key.production()).anyMatch(o -> o.key().equals(key));
                if (outputExists) {
                    assertThat(deletedFirst).as("outputs of %s are deleted before it is submitted again", key).contains(key);
                }
                if (row != null && row.state().isFinished()) {
                    assertThat(rerun).as("%s is finished and only a new rerun token submits it again", key).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void capsAreNeverExceeded(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Plan plan = world.plan();
        Snapshot after = PlanApplier.apply(world.snapshot(), plan);
        Map<String, Long> submits = plan.submittedKeys().stream()
                .collect(Collectors.groupingBy(JobKey::production, Collectors.counting()));

        long total = 0;
        for (Production p : world.desired().productions()) {
            long n = submits.getOrDefault(p.name(), 0L);
            long queued = queuedAfter(after, p.name());
            assertThat(n).as("submits of %s", p.name()).isLessThanOrEqualTo(p.limits().maxSubmitPerCycle());
            if (n > 0) {
                assertThat(queued).as("queued, running and submitting jobs of %s after the plan", p.name())
                        .isLessThanOrEqualTo(p.limits().maxQueued());
            }
            total += n;
        }
        if (total > 0) {
            long allQueued = occupyingJobs(after).size()
                    + world.desired().productions().stream().mapToLong(p -> submittingWithoutJob(after, p.name())).sum();
            assertThat(allQueued).as("all queued jobs after the plan").isLessThanOrEqualTo(world.settings().globalQueueBudget());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverDeletesAnInputOfAnUnfinishedJobOfALiveProduction(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Plan plan = world.plan();
        Snapshot observed = world.snapshot();
        Set<String> inUse = new HashSet<>();
        for (Production p : world.desired().productions()) {
            observed.candidates(p.name())
                    .filter(c -> p.runs().contains(c.key().run()) && p.segments().includes(c.key().segment()))
                    .filter(c -> !finished(observed, p, c.key()))
                    .forEach(c -> c.inputs().forEach(i -> inUse.add(fileName(i))));
        }

        for (Action.DeleteOutputs delete : plan.actionsOf(Action.DeleteOutputs.class)) {
            for (JobKey key : delete.keys()) {
                observed.outputs(key.production()).filter(o -> o.key().equals(key))
                        .flatMap(o -> o.files().stream())
                        .forEach(file -> assertThat(inUse).as("deleting %s of %s", file, key).doesNotContain(fileName(file)));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void deletesOnlyWhatTheLedgerProvesTheProductionMadeAndNothingALiveJobReads(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Plan plan = world.plan();
        Snapshot observed = world.snapshot();
        Set<String> readByLiveJobs = new HashSet<>();
        boolean unknownInputs = observed.liveJobInputs().anyMatch(l -> l.inputs().isEmpty());
        observed.liveJobInputs().forEach(l -> l.inputs().orElse(List.of()).forEach(i -> readByLiveJobs.add(fileName(i))));

        List<Action.DeleteOutputs> deletes = plan.actionsOf(Action.DeleteOutputs.class);
        if (unknownInputs) {
            assertThat(deletes).as("nothing is deleted while a live job's inputs are unknown").isEmpty();
        }
        for (Action.DeleteOutputs delete : deletes) {
            for (JobKey key : delete.keys()) {
                LedgerRow row = ledgerRow(observed, key);
                assertThat(row).as("the ledger row proving %s was made by %s", key, delete.production()).isNotNull();
                assertThat(row.state()).as("state of the row of %s", key).isEqualTo(LedgerState.SUCCEEDED);
                observed.outputs(key.production()).filter(o -> o.key().equals(key))
                        .flatMap(o -> o.files().stream())
                        .forEach(file -> assertThat(readByLiveJobs).as("deleting %s of %s", file, key)
                                .doesNotContain(fileName(file)));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void planningAgainAfterApplyingSubmitsNothingNew(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Planner planner = new Planner(world.settings());
        Snapshot observed = world.snapshot();
        if (!observed.queue().readable()) {
            // what the queue holds is unknown, so the next observation cannot be derived from this one
            assertThat(planner.plan(world.desired(), observed).isEmpty()).isTrue();
            return;
        }
        Set<JobKey> everSubmitted = new HashSet<>();
        Plan plan = planner.plan(world.desired(), observed);
        for (int pass = 1; pass <= 4; pass++) {
            Set<JobKey> killed = plan.actionsOf(Action.Kill.class).stream().map(Action.Kill::key).collect(Collectors.toSet());
            everSubmitted.addAll(plan.submittedKeys());
            observed = PlanApplier.apply(observed, plan);
            plan = planner.plan(world.desired(), observed);
            assertThat(plan.submittedKeys()).as("pass %d submits no key submitted before", pass)
                    .filteredOn(everSubmitted::contains).isEmpty();
            if (world.generous()) {
                // with room for everything, only keys whose old job had to leave the queue first remain
                assertThat(killed).as("pass %d submits only keys whose job the previous pass killed", pass)
                        .containsAll(plan.submittedKeys());
            }
        }
        if (world.generous()) {
            assertThat(plan.submittedKeys()).as("after a few passes nothing is left to submit").isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameInputGivesTheSamePlan(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Random shuffler = new Random(seed);
        List<Production> productions = new ArrayList<>(world.desired().productions());
        Collections.shuffle(productions, shuffler);
        List<BatchJob> jobs = new ArrayList<>(world.snapshot().queue().jobs());
        Collections.shuffle(jobs, shuffler);
        List<LiveJobInputs> live = new ArrayList<>(world.snapshot().liveJobInputList());
        Collections.shuffle(live, shuffler);
        Snapshot reordered = new Snapshot(world.snapshot().now(),
                world.snapshot().queue().readable() ? BatchQueue.of(jobs) : BatchQueue.unreadable(),
                world.snapshot().candidates(), world.snapshot().ledger(), world.snapshot().outputs(), live);

        Plan first = world.plan();
        Plan again = world.plan();
        Plan shuffled = new Planner(world.settings()).plan(new DesiredState(productions, world.desired().removed()), reordered);

        assertThat(again).isEqualTo(first);
        assertThat(shuffled).isEqualTo(first);
    }

    /**
     * The engine's observation reads of a declared production only the rows a pass works on and
     * counts the other finished rows: the plan, status counts included, is the same as over every row.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aLedgerNarrowedToTheWorkOfThePassPlansAsTheWholeLedger(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        NarrowedObservation narrowed = new NarrowedObservation(world.snapshot(), world.desired());

        Plan plan = new Planner(world.settings()).plan(world.desired(), narrowed);

        assertThat(plan).isEqualTo(world.plan());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anUnreadableQueueMeansNoAction(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Snapshot blind = new Snapshot(world.snapshot().now(), BatchQueue.unreadable(), world.snapshot().candidates(),
                world.snapshot().ledger(), world.snapshot().outputs(), world.snapshot().liveJobInputList());

        assertThat(new Planner(world.settings()).plan(world.desired(), blind).actions()).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyLoopIsBoundedReleasesClimbAndNoJobIsKilledTwice(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Plan plan = world.plan();
        Map<BatchJobId, BatchJob> jobs = new HashMap<>();
        world.snapshot().queue().jobs().forEach(j -> jobs.put(j.id(), j));

        List<BatchJobId> killed = plan.actionsOf(Action.Kill.class).stream().map(Action.Kill::job).toList();
        assertThat(new HashSet<>(killed)).hasSameSizeAs(killed);
        for (Action.Release release : plan.actionsOf(Action.Release.class)) {
            BatchJob job = jobs.get(release.job());
            assertThat(job.state()).isEqualTo(BatchState.HELD);
            assertThat(release.newMemoryMib()).isGreaterThanOrEqualTo(job.requestMemoryMib());
            if (world.settings().isMemoryHold(release.hold())) {
                assertThat(release.newMemoryMib()).isGreaterThan(job.requestMemoryMib());
                assertThat(production(world, release.production()).memory().rungsMib()).contains(release.newMemoryMib());
            }
        }
        Set<JobKey> failed = plan.actionsOf(Action.MarkFailed.class).stream().map(Action.MarkFailed::key).collect(Collectors.toSet());
        assertThat(plan.submittedKeys()).filteredOn(failed::contains).isEmpty();
        assertThat(plan.actions()).allSatisfy(a -> assertThat(a.reason()).isNotBlank());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theLedgerRecordsWhatTheQueueSaysOfEveryLiveJobNoActionTouches(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Plan plan = world.plan();
        Snapshot observed = world.snapshot();
        Set<JobKey> touched = new HashSet<>();
        plan.actions().forEach(a -> touched.addAll(a.keys()));
        Map<BatchJobId, BatchJob> jobs = new HashMap<>();
        observed.queue().jobs().forEach(j -> jobs.put(j.id(), j));

        for (JobSeen seen : plan.seen()) {
            BatchJob job = jobs.get(seen.job());
            LedgerRow row = ledgerRow(observed, seen.key());
            assertThat(touched).as("%s is left to its action", seen.key()).doesNotContain(seen.key());
            assertThat(row.state().isSubmitted()).isTrue();
            assertThat(row.batchJob()).contains(seen.job());
            assertThat(job.isLive()).isTrue();
            assertThat(seen.state()).isEqualTo(LedgerState.recording(job.state())).isNotEqualTo(row.state());
            assertThat(seen.startedAt()).isEqualTo(job.state() == BatchState.RUNNING ? job.startedAt() : Optional.empty());
        }
        Set<JobKey> seenKeys = plan.seen().stream().map(JobSeen::key).collect(Collectors.toSet());
        for (Production p : world.desired().productions()) {
            observed.ledger(p.name()).filter(r -> r.state().isSubmitted() && r.batchJob().isPresent())
                    .filter(r -> !touched.contains(r.key()))
                    .filter(r -> jobs.containsKey(r.batchJob().get()) && jobs.get(r.batchJob().get()).isLive()
                            && jobs.get(r.batchJob().get()).key().equals(Optional.of(r.key())))
                    .filter(r -> LedgerState.recording(jobs.get(r.batchJob().get()).state()) != r.state())
                    .forEach(r -> assertThat(seenKeys).as("what the queue says of %s is recorded", r.key())
                            .contains(r.key()));
        }
        if (!observed.queue().readable()) {
            assertThat(plan.seen()).isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRemovalIsCompleteExactlyWhenNoJobNoActionAndNoDeletionIsLeft(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Plan plan = world.plan();
        Snapshot observed = world.snapshot();
        Set<String> complete = plan.removalsComplete().stream().map(RemovalComplete::production).collect(Collectors.toSet());

        for (RemovedProduction removed : world.desired().removed()) {
            String name = removed.name();
            boolean jobsLeft = observed.queue().jobs().stream().anyMatch(j -> j.isLive() && j.production().equals(name));
            boolean acts = plan.actions().stream().anyMatch(a -> a.production().equals(name));
            boolean deletes = removed.lastSpec().onRemoval().action().deletesOutputs();
            boolean graceLeft = deletes && observed.now().isBefore(removed.deletableFrom());
            assertThat(complete.contains(name)).as("%s complete", name)
                    .isEqualTo(observed.queue().readable() && !jobsLeft && !acts && !graceLeft);
        }
        assertThat(plan.removalsComplete()).allSatisfy(r -> assertThat(r.outputsDeleted()).isEqualTo(world.desired()
                .removed().stream().filter(x -> x.name().equals(r.production())).findFirst().orElseThrow()
                .lastSpec().onRemoval().action().deletesOutputs()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anAdoptedJobIsRecordedAsTheQueueShowsItAndACompletedOneAsRunningUntilHarvested(long seed) {
        Plan plan = RandomWorlds.world(seed).plan();

        assertThat(plan.actionsOf(Action.Adopt.class)).allSatisfy(adopt -> {
            BatchState shown = adopt.job().state();
            assertThat(adopt.recordedAs()).isEqualTo(shown == BatchState.COMPLETED ? LedgerState.RUNNING
                    : shown == BatchState.REMOVED ? LedgerState.KILLED : LedgerState.valueOf(shown.name()));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aJobThatCompletedWellWithoutManifestFailsOnlyOnceItsGraceIsOver(long seed) {
        Random random = new Random(seed);
        Instant now = Fixtures.NOW;
        for (int i = 0; i < 50; i++) {
            BatchState state = BatchState.values()[random.nextInt(BatchState.values().length)];
            Duration since = Duration.ofSeconds(random.nextInt(1_200));
            OptionalInt exit = state == BatchState.COMPLETED ? OptionalInt.of(random.nextInt(3) == 0 ? 1 : 0) : OptionalInt.empty();
            BatchJob shown = Fixtures.job(100 + i, JobKey.of("p0", 10, i), state);
            BatchJob job = new BatchJob(shown.id(), shown.key(), shown.batchToken(), shown.rerunToken(), state,
                    shown.hold(), shown.requestMemoryMib(), shown.memoryUsageMib(), shown.numJobStarts(), shown.queuedAt(), shown.startedAt(),
                    Optional.of(now.minus(since)), exit);
            boolean due = state == BatchState.COMPLETED && exit.orElse(0) == 0 && since.compareTo(MissingManifest.GRACE) > 0;

            Optional<String> overdue = MissingManifest.overdue(job, now);
            assertThat(overdue.isPresent()).as("%s %s ago, exit %s", state, since, exit).isEqualTo(due);
            overdue.ifPresent(reason -> assertThat(reason).contains(job.id().toString()).contains("no manifest"));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void submissionsThatKeepFailingWaitOneTwoFourPassesAndAtMostTenMinutes(long seed) {
        RandomWorlds.World world = RandomWorlds.world(seed);
        Random random = new Random(seed);
        String troubled = world.desired().productions().get(0).name();
        SubmissionTrouble trouble = new SubmissionTrouble("condor_submit exited 1: No such directory",
                1 + random.nextInt(6), Fixtures.NOW.minus(Duration.ofSeconds(random.nextInt(900))), random.nextInt(40));
        Observation observed = new TroubledObservation(world.snapshot(), troubled, trouble);

        Plan plan = new Planner(world.settings()).plan(world.desired(), observed);

        boolean waits = trouble.passesSince() <= (1L << (trouble.failures() - 1))
                && Fixtures.NOW.isBefore(trouble.lastFailedAt().plus(Duration.ofMinutes(10)));
        Plan untroubled = world.plan();
        assertThat(plan.actions()).filteredOn(a -> !(a instanceof Action.Submit))
                .as("only submissions wait").containsExactlyElementsOf(untroubled.actions().stream()
                        .filter(a -> !(a instanceof Action.Submit)).toList());
        if (waits) {
            assertThat(plan.actionsOf(Action.Submit.class)).extracting(Action.Submit::production).doesNotContain(troubled);
            assertThat(plan.notes()).as("said in the notes while anything could be planned")
                    .filteredOn(n -> n.contains("submissions stalled")).hasSize(observed.queue().readable() ? 1 : 0);
        } else {
            assertThat(plan).isEqualTo(untroubled);
        }
    }

    /**
     * The world's snapshot with the finished rows of each declared production without rerun tokens
     * left out of its ledger unless a candidate, a job or an output (or an output it may have
     * written, rolled over) names their key — counted elsewhere instead, as the engine observes.
     */
    private static final class NarrowedObservation extends SnapshotObservation {
        private final Set<String> narrow = new HashSet<>();
        private final Map<String, Map<LedgerState, Long>> elsewhere = new HashMap<>();

        NarrowedObservation(Snapshot snapshot, DesiredState desired) {
            super(snapshot);
            boolean keyless = snapshot.queue().jobs().stream().anyMatch(j -> j.key().isEmpty() && !j.batchToken().isEmpty());
            desired.productions().stream()
                    .filter(p -> !keyless && p.reruns().stream().allMatch(r -> r.token().isEmpty()))
                    .forEach(p -> narrow.add(p.name()));
        }

        @Override
        public java.util.stream.Stream<LedgerRow> ledger(String p) {
            if (!narrow.contains(p)) {
                return snapshot.ledger(p);
            }
            Set<JobKey> named = new HashSet<>();
            snapshot.candidates(p).forEach(c -> named.add(c.key()));
            snapshot.queue().jobs().forEach(j -> j.key().filter(k -> k.production().equals(p)).ifPresent(named::add));
            snapshot.outputs(p).forEach(o -> {
                named.add(o.key());
                named.add(JobKey.ofLeaf(p, o.key().run(), o.key().segment() / JobContract.ROLLOVER_SEGMENTS,
                        o.key().leaf()));
            });
            Map<LedgerState, Long> counted = new java.util.EnumMap<>(LedgerState.class);
            List<LedgerRow> kept = new ArrayList<>();
            snapshot.ledger(p).forEach(row -> {
                if (row.state().isFinished() && !named.contains(row.key())) {
                    counted.merge(row.state(), 1L, Long::sum);
                } else {
                    kept.add(row);
                }
            });
            elsewhere.put(p, counted);
            return kept.stream();
        }

        @Override
        public Map<LedgerState, Long> finishedElsewhere(String p) {
            return elsewhere.getOrDefault(p, Map.of());
        }
    }

    /** The world's snapshot, with one production's submissions failing. */
    private static final class TroubledObservation extends SnapshotObservation {
        private final String production;
        private final SubmissionTrouble trouble;

        TroubledObservation(Snapshot snapshot, String production, SubmissionTrouble trouble) {
            super(snapshot);
            this.production = production;
            this.trouble = trouble;
        }

        @Override
        public Optional<SubmissionTrouble> submissionTrouble(String p) {
            return p.equals(production) ? Optional.of(trouble) : Optional.empty();
        }
    }

    /** An observation that hands out a snapshot's streams as they are. */
    private abstract static class SnapshotObservation implements Observation {
        final Snapshot snapshot;

        SnapshotObservation(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        public Instant now() {
            return snapshot.now();
        }

        public BatchQueue queue() {
            return snapshot.queue();
        }

        public java.util.stream.Stream<Candidate> candidates(String p) {
            return snapshot.candidates(p);
        }

        public java.util.stream.Stream<LedgerRow> ledger(String p) {
            return snapshot.ledger(p);
        }

        public java.util.stream.Stream<ExistingOutput> outputs(String p) {
            return snapshot.outputs(p);
        }

        public java.util.stream.Stream<LiveJobInputs> liveJobInputs() {
            return snapshot.liveJobInputs();
        }
    }

    @Test
    void theGeneratedWorldsExerciseEveryRule() {
        Map<String, Integer> kinds = new HashMap<>();
        int generous = 0;
        int unreadable = 0;
        for (long seed : seeds().toArray()) {
            RandomWorlds.World world = RandomWorlds.world(seed);
            world.plan().actions().forEach(a -> kinds.merge(a.getClass().getSimpleName(), 1, Integer::sum));
            kinds.merge("seen", world.plan().seen().size(), Integer::sum);
            kinds.merge("removal complete", world.plan().removalsComplete().size(), Integer::sum);
            generous += world.generous() ? 1 : 0;
            unreadable += world.snapshot().queue().readable() ? 0 : 1;
        }
        assertThat(kinds.keySet()).containsExactlyInAnyOrder("Submit", "Release", "Kill", "MarkFailed", "Adopt",
                "ResetStale", "DeleteOutputs", "BlockedDeletion", "seen", "removal complete");
        assertThat(kinds).as("actions over all worlds").allSatisfy((kind, n) -> assertThat(n).as(kind).isGreaterThanOrEqualTo(25));
        assertThat(generous).isGreaterThanOrEqualTo(50);
        assertThat(unreadable).isPositive();
    }

    private static Set<String> liveNames(RandomWorlds.World world) {
        return world.desired().productions().stream().map(Production::name).collect(Collectors.toSet());
    }

    private static Production production(RandomWorlds.World world, String name) {
        return world.desired().productions().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static boolean candidate(Snapshot observed, JobKey key) {
        return observed.candidates(key.production()).anyMatch(c -> c.key().equals(key));
    }

    private static LedgerRow ledgerRow(Snapshot observed, JobKey key) {
        return observed.ledger(key.production()).filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    /** Finished: outputs exist or the ledger says finished, and no declared rerun token asks to redo it. */
    private static boolean finished(Snapshot observed, Production p, JobKey key) {
        LedgerRow row = ledgerRow(observed, key);
        boolean outputs = observed.outputs(key.production()).anyMatch(o -> o.key().equals(key));
        String declared = p.rerunTokenFor(key.run());
        String madeUnder = row == null ? "" : row.rerunToken();
        boolean redo = !declared.isEmpty() && !declared.equals(madeUnder);
        return !redo && (outputs || (row != null && row.state().isFinished()));
    }

    /** Live jobs per key: jobs with the key, and jobs without one whose token a ledger row of the key holds. */
    private static Map<JobKey, Long> liveJobsByKey(Snapshot s) {
        Map<String, JobKey> tokens = new HashMap<>();
        s.ledger().values().forEach(rows -> rows.forEach(r -> tokens.put(r.batchToken(), r.key())));
        Map<JobKey, Long> count = new HashMap<>();
        for (BatchJob job : s.queue().jobs()) {
            JobKey key = job.key().orElse(tokens.get(job.batchToken()));
            if (job.isLive() && key != null) {
                count.merge(key, 1L, Long::sum);
            }
        }
        return count;
    }

    /** Queued or running jobs that are ours: with a key, or matched to a ledger row by token. */
    private static List<JobKey> occupyingJobs(Snapshot s) {
        Map<String, JobKey> tokens = new HashMap<>();
        s.ledger().values().forEach(rows -> rows.forEach(r -> tokens.put(r.batchToken(), r.key())));
        List<JobKey> keys = new ArrayList<>();
        for (BatchJob job : s.queue().jobs()) {
            JobKey key = job.key().orElse(tokens.get(job.batchToken()));
            if (job.state().countsAgainstBudget() && key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static long queuedAfter(Snapshot s, String production) {
        return occupyingJobs(s).stream().filter(k -> k.production().equals(production)).count()
                + submittingWithoutJob(s, production);
    }

    private static long submittingWithoutJob(Snapshot s, String production) {
        Set<String> tokens = s.queue().jobs().stream().map(BatchJob::batchToken).collect(Collectors.toSet());
        return s.ledger(production).filter(r -> r.state() == LedgerState.SUBMITTING && !tokens.contains(r.batchToken())).count();
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
