package gov.bnl.sphenix.production.plan;

import static gov.bnl.sphenix.production.plan.Fixtures.NOW;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RemovalPolicy;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Small, messy worlds from a seed: a few productions over a few runs and segments, with ledger
 * rows in every state, jobs in every state (duplicates, jobs without keys, jobs of removed and
 * unknown productions), outputs, reruns, and inputs that cross production boundaries. The same
 * seed always gives the same world, so a failing seed is a reproducible example.
 */
final class RandomWorlds {

    /** One generated world; {@code generous} worlds have caps and budget larger than all their work. */
    record World(long seed, DesiredState desired, Snapshot snapshot, PlannerSettings settings, boolean generous) {
        Plan plan() {
            return new Planner(settings).plan(desired, snapshot);
        }

        @Override
        public String toString() {
            return "world of seed " + seed;
        }
    }

    private static final int FIRST_RUN = 10;
    private static final int RUNS = 6;
    private static final int SEGMENTS = 3;
    private static final Hold MEMORY = new Hold(21, 102, "memory usage exceeded request_memory");
    private static final Hold POLICY = new Hold(3, 0, "held by periodic_hold");

    private final SplittableRandom random;
    private final boolean generous;
    private long nextCluster = 1;

    private RandomWorlds(long seed) {
        this.random = new SplittableRandom(seed);
        this.generous = random.nextInt(4) == 0;
    }

    static World world(long seed) {
        return new RandomWorlds(seed).build(seed);
    }

    private World build(long seed) {
        List<Production> live = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            live.add(liveProduction("p" + i));
        }
        List<RemovedProduction> removed = new ArrayList<>();
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            removed.add(removedProduction("gone" + i));
        }
        List<Production> all = new ArrayList<>(live);
        removed.forEach(r -> all.add(r.lastSpec()));

        List<Candidate> candidates = new ArrayList<>();
        List<LedgerRow> ledger = new ArrayList<>();
        List<BatchJob> jobs = new ArrayList<>();
        List<ExistingOutput> outputs = new ArrayList<>();
        List<LiveJobInputs> liveInputs = new ArrayList<>();
        for (Production p : all) {
            boolean isLive = live.contains(p);
            // a removed production with any job left postpones its deletions, so most have none
            int jobsPercent = isLive || chance(60) ? 0 : 15;
            for (int run = FIRST_RUN; run < FIRST_RUN + RUNS; run++) {
                for (int seg = 0; seg < SEGMENTS; seg++) {
                    JobKey key = JobKey.of(p.name(), run, seg);
                    LedgerRow row = null;
                    if (isLive) {
                        row = liveKey(p, key, all, removed, candidates, ledger, jobs, liveInputs);
                    } else if (chance(jobsPercent)) {
                        jobs.add(job(key, "gone-" + key, anyState(), 2048));
                    }
                    if (chance(30)) {
                        outputs.add(new ExistingOutput(key, List.of(Fixtures.outputName(p, key))));
                        // most outputs were made by the production (its ledger says so); some predate it
                        if (row == null && chance(75)) {
                            ledger.add(succeeded(p, key));
                        }
                    }
                }
            }
        }
        if (chance(10)) {
            jobs.add(job(JobKey.of("unknown", FIRST_RUN, 0), "unknown", BatchState.RUNNING, 2048));
        }
        if (chance(10)) {
            jobs.add(withoutKey(job(JobKey.of("p0", FIRST_RUN, 0), "foreign-token", BatchState.QUEUED, 2048)));
        }
        if (chance(5)) {
            liveInputs.add(LiveJobInputs.unknown(JobKey.of("adopted", FIRST_RUN, 0)));
        }
        BatchQueue queue = chance(95) ? BatchQueue.of(jobs) : BatchQueue.unreadable();
        Snapshot snapshot = Snapshot.of(NOW, queue, candidates, ledger, outputs).withLiveJobInputs(liveInputs);
        return new World(seed, new DesiredState(live, removed), snapshot, settings(), generous);
    }

    /** A key of a live production; returns its ledger row, if it has one. */
    private LedgerRow liveKey(Production p, JobKey key, List<Production> all, List<RemovedProduction> removed,
                              List<Candidate> candidates, List<LedgerRow> ledger, List<BatchJob> jobs,
                              List<LiveJobInputs> liveInputs) {
        List<String> inputs = new ArrayList<>(List.of("RAW-" + key.run() + "-" + key.segment() + ".evt"));
        if (chance(70)) {
            if (chance(50)) {
                // mostly the outputs of a removed production, the ones most likely to be deleted
                Production upstream = !removed.isEmpty() && chance(60)
                        ? removed.get(random.nextInt(removed.size())).lastSpec()
                        : all.get(random.nextInt(all.size()));
                if (upstream != p) {
                    inputs.add("/lustre/" + Fixtures.outputName(upstream, JobKey.of(upstream.name(), key.run(), key.segment())));
                }
            }
            candidates.add(new Candidate(key, inputs));
        } else if (chance(50)) {
            // not ready any more (a run dropped, a catalog changed): what its job read is still recorded
            Production upstream = removed.isEmpty() ? all.get(random.nextInt(all.size()))
                    : removed.get(random.nextInt(removed.size())).lastSpec();
            inputs.add("/lustre/" + Fixtures.outputName(upstream, JobKey.of(upstream.name(), key.run(), key.segment())));
        }
        if (chance(50)) {
            LedgerRow row = row(p, key);
            ledger.add(row);
            if (row.state().isLive()) {
                liveInputs.add(LiveJobInputs.recorded(key, inputs));
            }
            if (chance(60)) {
                BatchJob own = job(key, row.batchToken(), anyState(), row.memoryMib());
                own = withIdAndRerunToken(own, row.batchJob().orElse(own.id()), row.rerunToken());
                jobs.add(chance(15) ? withoutKey(own) : own);
            }
            if (chance(10)) {
                jobs.add(job(key, "duplicate-" + nextCluster, BatchState.QUEUED, 2048));
            }
            return row;
        }
        if (chance(10)) {
            jobs.add(job(key, "orphan-" + key, anyState(), 2048));
        }
        return null;
    }

    /** The row a harvest leaves: the proof that the key's outputs are the production's own. */
    private LedgerRow succeeded(Production p, JobKey key) {
        return new LedgerRow(key, LedgerState.SUCCEEDED, 1, p.memory().firstMib(), "token-" + key + "#1",
                Optional.of(new BatchJobId(nextCluster++, 0)), chance(70) ? "" : "r1", Optional.of(NOW.minus(Duration.ofDays(1))),
                List.of());
    }

    private Production liveProduction(String name) {
        int firstRun = FIRST_RUN + random.nextInt(3);
        RunSet runs = RunSet.range(firstRun, firstRun + 2 + random.nextInt(4));
        if (chance(30)) {
            runs = runs.minus(RunSet.runs(firstRun + 1));
        }
        Fixtures.Spec spec = Fixtures.production(name)
                .runs(runs)
                .order(chance(70) ? RunOrder.NEWEST_FIRST : RunOrder.OLDEST_FIRST)
                .segments(chance(80) ? Segments.ALL : Segments.FIRST_ONLY)
                .priority(random.nextInt(5) - 1)
                .submit(chance(90));
        switch (random.nextInt(3)) {
            case 0 -> spec.memory(2048);
            case 1 -> spec.memory(2048, 4096);
            default -> spec.memory(1024, 2048, 4096);
        }
        spec = generous ? spec.limits(1_000, 1_000) : spec.limits(random.nextInt(10), random.nextInt(8));
        if (chance(30)) {
            spec.rerun(RunSet.runs(FIRST_RUN + random.nextInt(RUNS)), "r1");
        }
        return spec.build();
    }

    private RemovedProduction removedProduction(String name) {
        RemovalPolicy.Action action = chance(50) ? RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS
                : chance(50) ? RemovalPolicy.Action.KILL : RemovalPolicy.Action.KEEP;
        Duration grace = List.of(Duration.ZERO, Duration.ZERO, Duration.ofHours(1), Duration.ofDays(3)).get(random.nextInt(4));
        Instant removedAt = NOW.minus(List.of(Duration.ZERO, Duration.ofHours(2), Duration.ofDays(5)).get(random.nextInt(3)));
        return new RemovedProduction(Fixtures.production(name).onRemoval(action, grace).build(), removedAt);
    }

    private LedgerRow row(Production p, JobKey key) {
        LedgerState state = LedgerState.values()[random.nextInt(LedgerState.values().length)];
        int attempt = 1 + random.nextInt(3);
        String token = "token-" + key + "#" + attempt;
        BatchJobId reserved = new BatchJobId(nextCluster++, 0);
        Optional<BatchJobId> id = state == LedgerState.SUBMITTING ? Optional.empty() : Optional.of(reserved);
        List<HoldRecord> holds = new ArrayList<>();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            holds.add(new HoldRecord(NOW.minus(Duration.ofHours(5)), chance(50) ? MEMORY : POLICY, 2048));
        }
        List<Integer> rungs = p.memory().rungsMib();
        return new LedgerRow(key, state, attempt, rungs.get(random.nextInt(rungs.size())), token, id,
                chance(70) ? "" : "r1", Optional.of(NOW.minus(Duration.ofMinutes(random.nextInt(40)))), holds);
    }

    private BatchJob job(JobKey key, String token, BatchState state, int memoryMib) {
        Optional<Hold> hold = state == BatchState.HELD ? Optional.of(chance(50) ? MEMORY : POLICY) : Optional.empty();
        Optional<Instant> started = state == BatchState.RUNNING
                ? Optional.of(NOW.minus(chance(80) ? Duration.ofHours(1) : Duration.ofDays(4)))
                : Optional.empty();
        OptionalInt exit = state == BatchState.COMPLETED ? OptionalInt.of(chance(70) ? 0 : 1) : OptionalInt.empty();
        int memory = chance(70) ? memoryMib : List.of(1024, 2048, 4096, 8192).get(random.nextInt(4));
        return new BatchJob(new BatchJobId(nextCluster++, 0), Optional.of(key), token, "", state, hold, memory,
                OptionalInt.empty(), random.nextInt(7), Optional.of(NOW.minus(Duration.ofHours(6))), started,
                Optional.of(NOW.minus(Duration.ofMinutes(random.nextInt(120)))), exit);
    }

    private BatchState anyState() {
        return BatchState.values()[random.nextInt(BatchState.values().length)];
    }

    private PlannerSettings settings() {
        return new PlannerSettings(generous ? 100_000 : random.nextInt(25), random.nextInt(4), Duration.ofMinutes(10),
                random.nextInt(4), Duration.ofDays(3), Duration.ofMinutes(15), random.nextInt(60), chance(50),
                PlannerSettings.MEMORY_HOLDS, 1 + random.nextInt(4), MissingManifest.GRACE);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private static BatchJob withoutKey(BatchJob job) {
        return Fixtures.withoutKey(job);
    }

    private static BatchJob withIdAndRerunToken(BatchJob job, BatchJobId id, String rerunToken) {
        return new BatchJob(id, job.key(), job.batchToken(), rerunToken, job.state(), job.hold(),
                job.requestMemoryMib(), job.memoryUsageMib(), job.numJobStarts(), job.queuedAt(), job.startedAt(), job.stateSince(), job.exitCode());
    }
}
