package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.control.CrashPoint.Step;
import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.observe.LedgerRows;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The operator may die at any step of its protocols and the next operator must converge without a
 * duplicate job, an orphan, a catalogue row without its file or a lost manifest. Each test builds
 * a whole world on this machine — embedded PostgreSQL catalogs, a real git specs repository, the
 * local executor running real job processes — crashes the engine at one named step, starts a
 * fresh engine on the same world (the local executor, like a schedd, outlives the operator), and
 * audits the world from its sources after the first pass and until the production is complete.
 */
class CrashSafetyTest {

    private static final String PRODUCTION = "demo-streaming";
    /** Runs 66040–66051: none of the fake payload's trouble runs (…13 fails, …66 hogs memory, …99 runs long). */
    private static final int RUNS = 12;
    private static final long SEED = 20250701L;
    /** Short, so the test waits about a second for the reset, yet far longer than one submission takes. */
    private static final Duration STALE_SUBMITTING = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "crash {0}")
    @EnumSource(Step.class)
    void theNextEngineRepairsACrashAtEveryStep(Step step) throws Exception {
        try (DemoWorld world = newWorld()) {
            EngineSettings settings = settings(world);
            WorldAudit audit = new WorldAudit(world, PRODUCTION);
            world.declare("streaming", "Merge pull request #1: start event building of the MVTX streams");

            Engine crashing = world.startEngine(SimulatedCrash.once(step), settings);
            SimulatedCrash crash = runUntilCrash(world, crashing, step);
            assertThat(crash.step()).isEqualTo(step);
            Production spec = crashing.desired().orElseThrow().spec(PRODUCTION).orElseThrow();
            WorldAudit.Snapshot wreck = audit.read();
            assertWreck(step, wreck, audit, spec);
            // the protocol's ordering already holds in the wreck: nothing catalogued is missing on disk
            assertThat(audit.catalogRowsWithoutFile()).as("right after the crash").isEmpty();

            Engine engine = world.startEngine(CrashPoint.NONE, settings);
            assertThat(engine.refresh().applied()).isPresent();
            PassReport first = engine.pass();
            assertThat(first.errors()).as("errors of the first pass after the restart").isEmpty();
            assertThat(problemsAfterPass(audit, spec)).as("after the first pass after the restart").isEmpty();
            if (step == Step.AFTER_SUBMIT) {
                assertThat(audit.read().ledger()).as("rows left submitting are adopted by the first pass")
                        .noneMatch(r -> r.state() == LedgerState.SUBMITTING);
            }

            List<EngineEvent> events = new ArrayList<>(first.events());
            List<String> problems = new ArrayList<>();
            // passes until the production is complete; the world is audited after every one of them
            polling().atMost(Duration.ofSeconds(60)).until(() -> {
                PassReport pass = engine.pass();
                events.addAll(pass.events());
                problems.addAll(pass.errors());
                problems.addAll(problemsAfterPass(audit, spec));
                return pass.status(PRODUCTION).map(ProductionStanding::state).orElseThrow()
                        == ProductionStanding.State.COMPLETE;
            });
            assertThat(problems).as("found by the audits of the passes until the production was complete").isEmpty();

            if (step == Step.AFTER_LEDGER_INSERT) {
                // the rows left submitting go again, but only once the planner's timeout says nothing reached the queue
                List<EngineEvent> resets = events.stream().filter(e -> e.kind() == EventKind.RESET).toList();
                assertThat(resets).as("rows left submitting by the crash are reset").isNotEmpty();
                Instant takenAt = wreck.ledger().stream().filter(r -> r.state() == LedgerState.SUBMITTING)
                        .map(r -> r.submittedAt().orElseThrow()).max(Instant::compareTo).orElseThrow();
                assertThat(resets).allSatisfy(e -> assertThat(e.at()).isAfterOrEqualTo(takenAt.plus(STALE_SUBMITTING)));
            }
            assertCompleteExactlyOnce(engine, audit);
        }
    }

    @Test
    void aCrashRightAfterSubmitEndsInAdoptionNotASecondSubmission() throws Exception {
        try (DemoWorld world = newWorld()) {
            EngineSettings settings = settings(world);
            WorldAudit audit = new WorldAudit(world, PRODUCTION);
            world.declare("streaming", "Merge pull request #1: start event building of the MVTX streams");
            runUntilCrash(world, world.startEngine(SimulatedCrash.once(Step.AFTER_SUBMIT), settings), Step.AFTER_SUBMIT);

            // the wreck: rows submitting under a token, their jobs in the batch system under that token, no ids recorded
            WorldAudit.Snapshot wreck = audit.read();
            List<LedgerJob> submitting = wreck.ledger().stream().filter(r -> r.state() == LedgerState.SUBMITTING).toList();
            assertThat(submitting).isNotEmpty().allSatisfy(r -> assertThat(r.clusterId()).isEmpty());
            assertThat(submitting.stream().map(LedgerJob::batchToken).distinct()).hasSize(1);
            String token = submitting.get(0).batchToken();
            assertThat(wreck.everyJob()).hasSize(submitting.size())
                    .allSatisfy(j -> assertThat(j.batchToken()).isEqualTo(token));

            // the pool works on while the operator is down: some jobs finish before anyone knows their ids
            polling().atMost(Duration.ofSeconds(30)).until(() -> audit.read().history().size() >= 2);

            Engine engine = world.startEngine(CrashPoint.NONE, settings);
            engine.refresh();
            PassReport first = engine.pass();

            assertThat(first.errors()).isEmpty();
            List<EngineEvent> adopted = first.events().stream()
                    .filter(e -> e.production().equals(PRODUCTION) && e.kind() == EventKind.ADOPTED).toList();
            assertThat(adopted).as("one adoption per job the crashed engine queued").hasSize(submitting.size());

            WorldAudit.Snapshot after = audit.read();
            Map<JobKey, List<BatchJob>> jobsByKey = after.everyJob().stream()
                    .collect(Collectors.groupingBy(j -> j.key().orElseThrow()));
            Map<JobKey, LedgerJob> rows = after.rowsByKey();
            for (LedgerJob crashed : submitting) {
                JobKey key = crashed.key().job();
                assertThat(jobsByKey.get(key)).as("jobs of %s in the batch system", key).hasSize(1);
                BatchJob job = jobsByKey.get(key).get(0);
                LedgerJob row = rows.get(key);
                // a job that finished meanwhile is adopted as running: the next harvest closes it
                assertThat(row.state()).as("%s after adoption", key).isIn(LedgerState.QUEUED, LedgerState.RUNNING);
                assertThat(LedgerRows.batchJob(row)).as("%s after adoption", key).contains(job.id());
                assertThat(row.batchToken()).isEqualTo(token);
                assertThat(row.attempt()).as("adoption is not another attempt").isEqualTo(crashed.attempt());
            }
            assertThat(WorldAudit.duplicates(after)).isEmpty();
            assertThat(WorldAudit.ledgerAgreesWithQueue(after)).isEmpty();

            // adopted jobs that had finished (at least the two waited for) are harvested by the next pass
            PassReport second = engine.pass();
            assertThat(second.errors()).isEmpty();
            Map<JobKey, LedgerJob> harvested = audit.read().rowsByKey();
            assertThat(after.history()).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(j -> assertThat(harvested.get(j.key().orElseThrow()).state())
                            .as("%s", j).isEqualTo(LedgerState.SUCCEEDED));
        }
    }

    private DemoWorld newWorld() throws Exception {
        return DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), RUNS, SEED,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(2)));
    }

    private static EngineSettings settings(DemoWorld world) {
        PlannerSettings d = PlannerSettings.DEFAULTS;
        return world.settings().withPlanner(d.withStaleSubmittingAfter(STALE_SUBMITTING));
    }

    /**
     * Passes until the crash point fires. For the harvest steps a pass is only run once two more
     * jobs have left the queue: a harvest batch has a middle only when it holds at least two jobs.
     */
    private static SimulatedCrash runUntilCrash(DemoWorld world, Engine engine, Step step) throws Exception {
        assertThat(engine.refresh().applied()).isPresent();
        boolean harvestStep = step == Step.MID_HARVEST_BATCH || step == Step.AFTER_HARVEST_REGISTERED;
        AtomicReference<SimulatedCrash> crash = new AtomicReference<>();
        int[] finishedAtLastPass = {-1};
        polling().atMost(Duration.ofSeconds(60)).until(() -> {
            int finished = world.batch().history(Selection.production(PRODUCTION),
                    Integer.MAX_VALUE).jobs().size();
            if (harvestStep && finishedAtLastPass[0] >= 0 && finished < finishedAtLastPass[0] + 2) {
                return false;
            }
            finishedAtLastPass[0] = finished;
            try {
                PassReport pass = engine.pass();
                assertThat(pass.errors()).as("errors before the crash").isEmpty();
                return false;
            } catch (SimulatedCrash c) {
                crash.set(c);
                return true;
            }
        });
        return crash.get();
    }

    /** What each crash leaves half done: proof that the crash hit the window its step names. */
    private static void assertWreck(Step step, WorldAudit.Snapshot wreck, WorldAudit audit, Production spec)
            throws Exception {
        List<LedgerJob> submitting = wreck.ledger().stream().filter(r -> r.state() == LedgerState.SUBMITTING).toList();
        Set<String> tokens = submitting.stream().map(LedgerJob::batchToken).collect(Collectors.toSet());
        long finished = wreck.ledger().stream().filter(r -> r.state() == LedgerState.SUCCEEDED).count();
        switch (step) {
            case AFTER_LEDGER_INSERT -> {
                assertThat(submitting).as("rows taken for the submission").isNotEmpty();
                assertThat(wreck.everyJob()).as("jobs queued under the crashed submission's token")
                        .noneMatch(j -> tokens.contains(j.batchToken()));
            }
            case AFTER_SUBMIT -> {
                assertThat(submitting).as("rows whose job ids were never recorded").isNotEmpty();
                assertThat(wreck.everyJob().stream().filter(j -> tokens.contains(j.batchToken())))
                        .as("jobs queued under the crashed submission's token").hasSize(submitting.size());
            }
            case MID_HARVEST_BATCH -> {
                assertThat(audit.filesWithoutCatalogRow()).as("outputs moved into the final tree, none catalogued")
                        .isNotEmpty();
                assertThat(audit.datasetRows(spec)).as("DSTs catalogued").isEqualTo(finished);
            }
            case AFTER_HARVEST_REGISTERED -> assertThat(audit.datasetRows(spec))
                    .as("DSTs catalogued whose ledger rows are not closed yet").isGreaterThan(finished);
            default -> throw new IllegalArgumentException("no wreck known for " + step);
        }
    }

    /**
     * What must hold after any whole pass that follows a crash: no duplicate, ledger and queue
     * agree, every catalogue row has its file, and the harvest left nothing half done — every DST
     * in the final tree is catalogued and every catalogued DST's ledger row is closed.
     */
    private static List<String> problemsAfterPass(WorldAudit audit, Production spec) throws Exception {
        WorldAudit.Snapshot s = audit.read();
        List<String> problems = new ArrayList<>();
        problems.addAll(WorldAudit.duplicates(s));
        problems.addAll(WorldAudit.ledgerAgreesWithQueue(s));
        problems.addAll(audit.catalogRowsWithoutFile());
        problems.addAll(audit.filesWithoutCatalogRow());
        long finished = s.ledger().stream().filter(r -> r.state() == LedgerState.SUCCEEDED).count();
        long catalogued = audit.datasetRows(spec);
        if (catalogued != finished) {
            problems.add(catalogued + " DSTs catalogued but " + finished + " ledger rows finished");
        }
        return problems;
    }

    /** Every ready key made once: one job, one finished ledger row, one catalogued DST, its manifest kept. */
    private static void assertCompleteExactlyOnce(Engine engine, WorldAudit audit) throws Exception {
        DesiredAtRevision desired = engine.desired().orElseThrow();
        Production spec = desired.spec(PRODUCTION).orElseThrow();
        Set<JobKey> keys = audit.readyKeys(desired);
        assertThat(keys).as("the world must give the production real work").hasSizeGreaterThan(10);

        // once the queue is empty nothing moves any more, so this snapshot is final
        WorldAudit.Snapshot end = polling().atMost(Duration.ofSeconds(10))
                .until(audit::read, s -> s.queue().isEmpty());
        assertThat(problemsAfterPass(audit, spec)).as("at the end").isEmpty();
        assertThat(audit.successfulJobsHarvested(end, spec)).isEmpty();

        assertThat(end.ledger()).as("ledger rows").hasSize(keys.size())
                .allSatisfy(r -> assertThat(r.state()).as("state of %s", r.key().job()).isEqualTo(LedgerState.SUCCEEDED));
        assertThat(end.rowsByKey().keySet()).isEqualTo(keys);
        assertThat(audit.datasetRows(spec)).as("DSTs in the FileCatalog").isEqualTo(keys.size());
        Map<JobKey, Long> runsPerKey = end.history().stream()
                .collect(Collectors.groupingBy(j -> j.key().orElseThrow(), Collectors.counting()));
        assertThat(runsPerKey.keySet()).isEqualTo(keys);
        assertThat(runsPerKey).as("no key ran twice: a crash never costs a second submission")
                .allSatisfy((key, n) -> assertThat(n).as("jobs of %s", key).isEqualTo(1L));
    }

    private static ConditionFactory polling() {
        // in this thread: the engine's passes are this test's, and a SimulatedCrash must surface here
        return await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200));
    }
}
