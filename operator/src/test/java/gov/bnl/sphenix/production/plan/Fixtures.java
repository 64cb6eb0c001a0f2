package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Limits;
import gov.bnl.sphenix.production.spec.MemoryLadder;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RemovalPolicy;
import gov.bnl.sphenix.production.spec.RerunToken;
import gov.bnl.sphenix.production.spec.Rule;
import gov.bnl.sphenix.production.spec.RuleInput;
import gov.bnl.sphenix.production.spec.RuleJob;
import gov.bnl.sphenix.production.spec.RuleParams;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Small builders for productions and observations, so each test states only what it is about. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Tag TAG = Tag.of("ana.468", "2024p012", 1);
    static final MemoryLadder LADDER = MemoryLadder.of(2048, 4096, 8192);

    private Fixtures() {
    }

    static Spec production(String name) {
        return new Spec(name);
    }

    /** A production spec with sensible defaults and withers for what a test changes. */
    static final class Spec {
        private final String name;
        private String dsttype;
        private RunSet runs = RunSet.range(0, 99_999_999);
        private RunOrder order = RunOrder.NEWEST_FIRST;
        private Segments segments = Segments.ALL;
        private int priority = 1;
        private MemoryLadder memory = LADDER;
        private Limits limits = new Limits(10_000, 1_000);
        private boolean submit = true;
        private RemovalPolicy onRemoval = RemovalPolicy.DEFAULT;
        private final List<RerunToken> reruns = new ArrayList<>();

        private Spec(String name) {
            this.name = name;
            this.dsttype = "DST_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        }

        Spec dsttype(String value) {
            dsttype = value;
            return this;
        }

        Spec runs(RunSet value) {
            runs = value;
            return this;
        }

        Spec order(RunOrder value) {
            order = value;
            return this;
        }

        Spec segments(Segments value) {
            segments = value;
            return this;
        }

        Spec priority(int value) {
            priority = value;
            return this;
        }

        Spec memory(Integer... rungs) {
            memory = MemoryLadder.of(rungs);
            return this;
        }

        Spec limits(int maxQueued, int maxSubmitPerCycle) {
            limits = new Limits(maxQueued, maxSubmitPerCycle);
            return this;
        }

        Spec maxRunTime(java.time.Duration runTime) {
            limits = new Limits(limits.maxQueued(), limits.maxSubmitPerCycle(), java.util.Optional.of(runTime));
            return this;
        }

        Spec submit(boolean value) {
            submit = value;
            return this;
        }

        Spec onRemoval(RemovalPolicy.Action action, Duration grace) {
            onRemoval = new RemovalPolicy(action, grace);
            return this;
        }

        Spec rerun(RunSet runSet, String token) {
            reruns.add(new RerunToken(runSet, token));
            return this;
        }

        Production build() {
            RuleParams params = new RuleParams(dsttype, "run3", "physics", "run3auau", TAG);
            RuleInput input = new RuleInput(Optional.empty(), 300, 100_000, false, OptionalInt.empty());
            RuleJob job = new RuleJob("run.sh", List.of(), 0, memory, 1, 1, priority, Optional.empty(),
                    Optional.empty(), Map.of(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            Rule rule = new Rule(name, params, input, job, SourceLocation.ofFile("rules/" + name + ".yaml"));
            return new Production(name, "productions/" + name + ".yaml", Optional.empty(), rule, runs, order,
                    List.of(), segments, priority, memory, limits, submit, true, onRemoval, reruns);
        }
    }

    static JobKey key(String production, int run, int segment) {
        return JobKey.of(production, run, segment);
    }

    /** The output file name a production writes for a key. */
    static String outputName(Production production, JobKey key) {
        return OutputFile.of(production.dsttype(), "run3auau", TAG, key.run(), key.segment()).fileName();
    }

    static Candidate ready(JobKey key, String... inputs) {
        return new Candidate(key, List.of(inputs.length == 0 ? new String[] {"RAW-" + key.run() + "-" + key.segment() + ".evt"} : inputs));
    }

    static String token(JobKey key) {
        return "token:" + key;
    }

    /** A ledger row in a given state, submitted at the given cluster (ignored for SUBMITTING). */
    static LedgerRow row(JobKey key, LedgerState state, long cluster) {
        Optional<BatchJobId> id = state == LedgerState.SUBMITTING ? Optional.empty() : Optional.of(new BatchJobId(cluster, 0));
        return new LedgerRow(key, state, 1, 2048, token(key), id, "", Optional.of(NOW.minus(Duration.ofHours(1))), List.of());
    }

    static LedgerRow submitting(JobKey key, Instant since) {
        return new LedgerRow(key, LedgerState.SUBMITTING, 1, 2048, token(key), Optional.empty(), "", Optional.of(since), List.of());
    }

    static LedgerRow withHolds(LedgerRow row, Hold... holds) {
        List<HoldRecord> history = new ArrayList<>();
        for (Hold h : holds) {
            history.add(new HoldRecord(NOW.minus(Duration.ofHours(2)), h, row.memoryMib()));
        }
        return new LedgerRow(row.key(), row.state(), row.attempt(), row.memoryMib(), row.batchToken(), row.batchJob(),
                row.rerunToken(), row.submittedAt(), history);
    }

    static LedgerRow withRerunToken(LedgerRow row, String rerunToken) {
        return new LedgerRow(row.key(), row.state(), row.attempt(), row.memoryMib(), row.batchToken(), row.batchJob(),
                rerunToken, row.submittedAt(), row.holds());
    }

    static LedgerRow withMemory(LedgerRow row, int mib) {
        return new LedgerRow(row.key(), row.state(), row.attempt(), mib, row.batchToken(), row.batchJob(),
                row.rerunToken(), row.submittedAt(), row.holds());
    }

    /** A job of a key carrying the key's token, one start, asking for 2 GB. */
    static BatchJob job(long cluster, JobKey key, BatchState state) {
        Optional<Hold> hold = state == BatchState.HELD ? Optional.of(new Hold(3, 0, "held by policy")) : Optional.empty();
        Optional<Instant> started = state == BatchState.RUNNING ? Optional.of(NOW.minus(Duration.ofHours(1))) : Optional.empty();
        return new BatchJob(new BatchJobId(cluster, 0), Optional.of(key), token(key), "", state, hold, 2048,
                OptionalInt.empty(), state == BatchState.QUEUED ? 0 : 1, Optional.of(NOW.minus(Duration.ofHours(2))), started,
                Optional.of(NOW.minus(Duration.ofHours(1))), state == BatchState.COMPLETED ? OptionalInt.of(0) : OptionalInt.empty());
    }

    static BatchJob held(long cluster, JobKey key, Hold hold, int memoryMib, Instant since) {
        return new BatchJob(new BatchJobId(cluster, 0), Optional.of(key), token(key), "", BatchState.HELD, Optional.of(hold),
                memoryMib, OptionalInt.empty(), 1, Optional.of(NOW.minus(Duration.ofHours(3))), Optional.empty(), Optional.of(since), OptionalInt.empty());
    }

    static BatchJob withStarts(BatchJob job, int starts) {
        return new BatchJob(job.id(), job.key(), job.batchToken(), job.rerunToken(), job.state(), job.hold(),
                job.requestMemoryMib(), job.memoryUsageMib(), starts, job.queuedAt(), job.startedAt(), job.stateSince(), job.exitCode());
    }

    static BatchJob startedAt(BatchJob job, Instant started) {
        return new BatchJob(job.id(), job.key(), job.batchToken(), job.rerunToken(), job.state(), job.hold(),
                job.requestMemoryMib(), job.memoryUsageMib(), job.numJobStarts(), job.queuedAt(), Optional.of(started), job.stateSince(), job.exitCode());
    }

    static BatchJob exited(BatchJob job, int code) {
        return new BatchJob(job.id(), job.key(), job.batchToken(), job.rerunToken(), BatchState.COMPLETED, Optional.empty(),
                job.requestMemoryMib(), job.memoryUsageMib(), job.numJobStarts(), job.queuedAt(), job.startedAt(), job.stateSince(), OptionalInt.of(code));
    }

    static BatchJob withToken(BatchJob job, String token) {
        return new BatchJob(job.id(), job.key(), token, job.rerunToken(), job.state(), job.hold(),
                job.requestMemoryMib(), job.memoryUsageMib(), job.numJobStarts(), job.queuedAt(), job.startedAt(), job.stateSince(), job.exitCode());
    }

    static BatchJob withoutKey(BatchJob job) {
        return new BatchJob(job.id(), Optional.empty(), job.batchToken(), job.rerunToken(), job.state(), job.hold(),
                job.requestMemoryMib(), job.memoryUsageMib(), job.numJobStarts(), job.queuedAt(), job.startedAt(), job.stateSince(), job.exitCode());
    }

    static ExistingOutput output(JobKey key, String... files) {
        return new ExistingOutput(key, List.of(files.length == 0 ? new String[] {"OUT-" + key + ".root"} : files));
    }

    /** An observation assembled piece by piece. */
    static World world() {
        return new World();
    }

    static final class World {
        private Instant now = NOW;
        private boolean readable = true;
        private final List<Candidate> candidates = new ArrayList<>();
        private final List<LedgerRow> ledger = new ArrayList<>();
        private final List<BatchJob> jobs = new ArrayList<>();
        private final List<ExistingOutput> outputs = new ArrayList<>();
        private final List<LiveJobInputs> live = new ArrayList<>();

        World at(Instant time) {
            now = time;
            return this;
        }

        World unreadableQueue() {
            readable = false;
            return this;
        }

        World ready(Candidate... c) {
            candidates.addAll(List.of(c));
            return this;
        }

        /** Ready keys of one production: every run in [first, last], segments 0 to segments-1. */
        World readyRuns(String production, int first, int last, int segments) {
            for (int run = first; run <= last; run++) {
                for (int seg = 0; seg < segments; seg++) {
                    candidates.add(Fixtures.ready(key(production, run, seg)));
                }
            }
            return this;
        }

        World ledger(LedgerRow... rows) {
            ledger.addAll(List.of(rows));
            return this;
        }

        World queue(BatchJob... j) {
            jobs.addAll(List.of(j));
            return this;
        }

        World outputs(ExistingOutput... o) {
            outputs.addAll(List.of(o));
            return this;
        }

        /** What the ledger recorded as the inputs of live jobs when they were submitted. */
        World live(LiveJobInputs... l) {
            live.addAll(List.of(l));
            return this;
        }

        Snapshot snapshot() {
            BatchQueue queue = readable ? BatchQueue.of(jobs) : BatchQueue.unreadable();
            return Snapshot.of(now, queue, candidates, ledger, outputs).withLiveJobInputs(live);
        }
    }

    static Plan plan(Snapshot observed, Production... productions) {
        return new Planner(PlannerSettings.DEFAULTS).plan(DesiredState.of(List.of(productions)), observed);
    }

    static Plan plan(PlannerSettings settings, Snapshot observed, Production... productions) {
        return new Planner(settings).plan(DesiredState.of(List.of(productions)), observed);
    }
}
