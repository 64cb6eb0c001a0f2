package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A faithful, simple executor for tests: carries a plan out on a snapshot and returns the snapshot
 * the next pass would observe. Submitted jobs appear queued, killed ones in its history
 * as removed; nothing runs or finishes between the two passes.
 */
final class PlanApplier {

    private final Map<JobKey, LedgerRow> ledger = new TreeMap<>();
    private final List<BatchJob> jobs = new ArrayList<>();
    private final Map<JobKey, ExistingOutput> outputs = new TreeMap<>();
    private final List<LiveJobInputs> live = new ArrayList<>();
    private final Snapshot before;
    private long nextCluster;

    private PlanApplier(Snapshot before) {
        this.before = before;
        before.ledger().values().forEach(rows -> rows.forEach(r -> ledger.put(r.key(), r)));
        before.outputs().values().forEach(rows -> rows.forEach(o -> outputs.put(o.key(), o)));
        jobs.addAll(before.queue().jobs());
        live.addAll(before.liveJobInputList());
        nextCluster = 1 + jobs.stream().mapToLong(j -> j.id().cluster()).max().orElse(0) + 1_000;
    }

    static Snapshot apply(Snapshot before, Plan plan) {
        PlanApplier applier = new PlanApplier(before);
        plan.actions().forEach(applier::apply);
        return applier.after();
    }

    private void apply(Action action) {
        if (action instanceof Action.Adopt adopt) {
            BatchJob job = adopt.job();
            LedgerRow old = ledger.get(adopt.key());
            int attempt = old == null ? 1 : old.attempt();
            ledger.put(adopt.key(), new LedgerRow(adopt.key(), LedgerState.QUEUED, attempt, job.requestMemoryMib(),
                    job.batchToken(), Optional.of(job.id()), job.rerunToken(), job.queuedAt(),
                    old == null ? List.of() : old.holds()));
        } else if (action instanceof Action.ResetStale reset) {
            ledger.computeIfPresent(reset.row().key(), (k, row) -> row.withState(LedgerState.LOST));
        } else if (action instanceof Action.Kill kill) {
            Optional<String> token = jobs.stream().filter(j -> j.id().equals(kill.job())).map(BatchJob::batchToken).findFirst();
            replaceJob(kill.job(), j -> j.withState(BatchState.REMOVED, Optional.empty()));
            ledger.computeIfPresent(kill.key(), (k, row) -> row.state().isLive()
                    && (row.batchJob().equals(Optional.of(kill.job())) || token.equals(Optional.of(row.batchToken())))
                    ? row.withState(LedgerState.KILLED) : row);
        } else if (action instanceof Action.MarkFailed failed) {
            ledger.computeIfPresent(failed.key(), (k, row) -> row.withState(LedgerState.FAILED));
        } else if (action instanceof Action.Release release) {
            replaceJob(release.job(), j -> j.withState(BatchState.QUEUED, Optional.empty()).withRequestMemory(release.newMemoryMib()));
            ledger.computeIfPresent(release.key(), (k, row) -> {
                List<HoldRecord> holds = new ArrayList<>(row.holds());
                holds.add(new HoldRecord(before.now(), release.hold(), row.memoryMib()));
                return new LedgerRow(k, row.state(), row.attempt(), release.newMemoryMib(), row.batchToken(),
                        row.batchJob(), row.rerunToken(), row.submittedAt(), holds);
            });
        } else if (action instanceof Action.DeleteOutputs delete) {
            delete.keys().forEach(outputs::remove);
        } else if (action instanceof Action.Submit submit) {
            for (Action.JobSubmission s : submit.jobs()) {
                BatchJobId id = new BatchJobId(nextCluster++, 0);
                String token = "applied-" + s.key() + "#" + s.attempt();
                ledger.put(s.key(), new LedgerRow(s.key(), LedgerState.QUEUED, s.attempt(), submit.memoryMib(), token,
                        Optional.of(id), s.rerunToken(), Optional.of(before.now()), List.of()));
                live.add(LiveJobInputs.recorded(s.key(), s.inputs()));
                jobs.add(new BatchJob(id, Optional.of(s.key()), token, s.rerunToken(), BatchState.QUEUED, Optional.empty(),
                        submit.memoryMib(), OptionalInt.empty(), 0, Optional.of(before.now()), Optional.empty(), Optional.of(before.now()),
                        OptionalInt.empty()));
            }
        }
        // BlockedDeletion is a report; nothing to do
    }

    private void replaceJob(BatchJobId id, java.util.function.UnaryOperator<BatchJob> change) {
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).id().equals(id)) {
                jobs.set(i, change.apply(jobs.get(i)));
            }
        }
    }

    private Snapshot after() {
        List<Candidate> candidates = before.candidates().values().stream().flatMap(List::stream).toList();
        return Snapshot.of(before.now(), BatchQueue.of(jobs), candidates, List.copyOf(ledger.values()),
                List.copyOf(outputs.values())).withLiveJobInputs(live);
    }
}
