package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.Candidate;
import gov.bnl.sphenix.production.plan.DesiredState;
import gov.bnl.sphenix.production.plan.ExistingOutput;
import gov.bnl.sphenix.production.plan.LedgerRow;
import gov.bnl.sphenix.production.plan.LiveJobInputs;
import gov.bnl.sphenix.production.plan.Observation;
import gov.bnl.sphenix.production.plan.RemovedProduction;
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
import gov.bnl.sphenix.production.spec.names.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A production floor for the planner benchmark: many live productions with a ledger, a queue and
 * a file catalog each, a few removed productions whose outputs are due for deletion and are read
 * by some live productions, and a few reruns. Only the queue is held in memory, as in the operator.
 */
final class SyntheticWorld implements Observation {

    static final int FIRST_RUN = 60_000;
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Tag TAG = Tag.of("ana.468", "2024p012", 1);

    private final Map<String, SyntheticProduction> live = new TreeMap<>();
    private final Map<String, SyntheticProduction> removed = new TreeMap<>();
    private final DesiredState desired;
    private final BatchQueue queue;

    SyntheticWorld(int productions, int keysPerProduction) {
        int queueJobs = keysPerProduction / 20;
        List<RemovedProduction> gone = new ArrayList<>();
        int removedCount = Math.max(1, productions / 50);
        for (int r = 0; r < removedCount; r++) {
            Production spec = production(String.format("removed-%02d", r), 1, RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS, false);
            removed.put(spec.name(), new SyntheticProduction(spec, null, FIRST_RUN, keysPerProduction / 2, 0, 0, NOW));
            gone.add(new RemovedProduction(spec, NOW.minus(Duration.ofDays(10))));
        }
        Production upstream = removed.values().iterator().next().spec();
        List<BatchJob> jobs = new ArrayList<>();
        for (int p = 0; p < productions; p++) {
            boolean reads = p < Math.max(1, productions / 10);
            boolean reruns = p < Math.max(1, productions / 20);
            Production spec = production(String.format("bench-%03d", p), 1 + p % 5, RemovalPolicy.Action.KILL, reruns);
            SyntheticProduction synthetic = new SyntheticProduction(spec, reads ? upstream : null, FIRST_RUN,
                    keysPerProduction, queueJobs, 1_000_000L * (p + 1), NOW);
            live.put(spec.name(), synthetic);
            jobs.addAll(synthetic.queue());
        }
        this.desired = new DesiredState(live.values().stream().map(SyntheticProduction::spec).toList(), gone);
        this.queue = BatchQueue.of(jobs);
    }

    DesiredState desired() {
        return desired;
    }

    @Override
    public Instant now() {
        return NOW;
    }

    @Override
    public BatchQueue queue() {
        return queue;
    }

    @Override
    public Stream<Candidate> candidates(String production) {
        SyntheticProduction p = live.get(production);
        return p == null ? Stream.empty() : p.candidates();
    }

    @Override
    public Stream<LedgerRow> ledger(String production) {
        SyntheticProduction p = live.get(production);
        if (p != null) {
            return p.ledger();
        }
        SyntheticProduction r = removed.get(production);
        return r == null ? Stream.empty() : r.allSucceeded();
    }

    @Override
    public Stream<LiveJobInputs> liveJobInputs() {
        return live.values().stream().flatMap(SyntheticProduction::liveJobInputs);
    }

    @Override
    public Stream<ExistingOutput> outputs(String production) {
        SyntheticProduction p = live.get(production);
        if (p != null) {
            return p.outputs();
        }
        SyntheticProduction r = removed.get(production);
        return r == null ? Stream.empty() : r.allOutputs();
    }

    static Production production(String name, int priority, RemovalPolicy.Action onRemoval, boolean rerun) {
        String dsttype = "DST_" + name.toUpperCase(Locale.ROOT).replace("-", "");
        MemoryLadder memory = MemoryLadder.of(2048, 4096, 8192);
        RuleParams params = new RuleParams(dsttype, "run3", "physics", "run3auau", TAG);
        RuleInput input = new RuleInput(Optional.empty(), 300, 100_000, false, OptionalInt.empty());
        RuleJob job = new RuleJob("run.sh", List.of(), 0, memory, 1, 1, priority, Optional.empty(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
        Rule rule = new Rule(name, params, input, job, SourceLocation.ofFile("rules/bench.yaml"));
        List<RerunToken> reruns = rerun ? List.of(new RerunToken(RunSet.range(FIRST_RUN, FIRST_RUN + 4), "bench-r1")) : List.of();
        return new Production(name, "productions/" + name + ".yaml", Optional.empty(), rule,
                RunSet.range(FIRST_RUN - 10_000, FIRST_RUN + 10_000), RunOrder.NEWEST_FIRST, List.of(), Segments.ALL,
                priority, memory, new Limits(2_000, 1_000), true, true, new RemovalPolicy(onRemoval, Duration.ofDays(7)),
                reruns);
    }
}
