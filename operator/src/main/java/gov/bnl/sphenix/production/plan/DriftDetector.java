package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.LedgerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reconciles the ledger with the batch system for one key. This is where the drift of today's
 * production is repaired rather than accumulated:
 *
 * <ul>
 *   <li>a job in the queue under our key with no ledger row is adopted (a crash, or a restored database);</li>
 *   <li>a {@code SUBMITTING} row whose job is in the queue is adopted (a crash between submit and record);</li>
 *   <li>a {@code SUBMITTING} row with no job after the timeout is reset, so it can be submitted again;</li>
 *   <li>a row believed queued whose job is in neither the queue nor its history is lost, and replanned;</li>
 *   <li>any other live job of the key is a duplicate, and is killed.</li>
 * </ul>
 */
final class DriftDetector {

    /** When adopting one of several jobs, keep the one furthest along. */
    private static final Comparator<BatchJob> MOST_PROGRESSED = Comparator
            .comparingInt((BatchJob j) -> switch (j.state()) {
                case RUNNING -> 0;
                case HELD -> 1;
                case QUEUED -> 2;
                case COMPLETED -> 3;
                case REMOVED -> 4;
            })
            .thenComparing(BatchJob::id);

    private static final Tracking NOTHING = new Tracking(null, null, Tracking.Status.UNTRACKED, List.of(), false);

    private final QueueIndex queue;
    private final Instant now;
    private final Duration staleAfter;

    DriftDetector(QueueIndex queue, Instant now, Duration staleAfter) {
        this.queue = queue;
        this.now = now;
        this.staleAfter = staleAfter;
    }

    Tracking track(KeyView view) {
        LedgerRow recorded = view.row();
        List<BatchJob> jobs = jobsOf(view);
        if (recorded == null) {
            return untracked(view, jobs);
        }
        if (!recorded.state().isLive()) {
            return settled(recorded, jobs);
        }
        BatchJob own = null;
        for (BatchJob job : jobs) {
            if (belongsTo(job, recorded) && (own == null || MOST_PROGRESSED.compare(job, own) < 0)) {
                own = job;
            }
        }
        LedgerRow row = recorded;
        List<Action> repairs = new ArrayList<>();
        BatchJob kept = own;
        boolean strays = killStrays(jobs, own, repairs, () -> kept == null
                ? "not the job the ledger expects: it knows only batch token " + recorded.batchToken() + " for this key"
                : "duplicate of " + kept.id() + "; the ledger knows only " + kept.id() + " for this key");
        if (own != null) {
            if (row.state() == LedgerState.SUBMITTING) {
                repairs.add(new Action.Adopt(row.key(), own,
                        "the submission reached the batch system as " + own.id() + " before it was recorded"));
                row = row.withState(LedgerState.QUEUED);
            }
            return new Tracking(row, own, Tracking.Status.TRACKED, repairs, strays);
        }
        if (row.state() == LedgerState.SUBMITTING) {
            Instant since = row.submittedAt().orElse(Instant.EPOCH);
            if (now.isBefore(since.plus(staleAfter))) {
                return new Tracking(row, null, Tracking.Status.IN_FLIGHT, repairs, strays);
            }
            repairs.add(new Action.ResetStale(row, "submitting since " + Words.duration(Duration.between(since, now))
                    + " ago with no job in the batch queue or its history (timeout " + Words.duration(staleAfter) + ")"));
            return new Tracking(row.withState(LedgerState.LOST), null, Tracking.Status.RESET, repairs, strays);
        }
        return new Tracking(row, null, Tracking.Status.LOST, repairs, strays);
    }

    /** No ledger row: adopt the job that carries our key, if any; more than one live job means duplicates. */
    private Tracking untracked(KeyView view, List<BatchJob> jobs) {
        if (jobs.isEmpty()) {
            return NOTHING;
        }
        Optional<BatchJob> adoptable = jobs.stream()
                .filter(j -> j.isLive() || (j.state() == BatchState.COMPLETED && !view.hasOutput()))
                .min(MOST_PROGRESSED);
        if (adoptable.isEmpty()) {
            return NOTHING;
        }
        BatchJob job = adoptable.get();
        List<Action> repairs = new ArrayList<>();
        repairs.add(new Action.Adopt(view.key(), job, "in the batch system under our key ("
                + job.state().name().toLowerCase(Locale.ROOT) + ") but missing from the ledger"));
        boolean strays = killStrays(jobs, job, repairs, () -> "duplicate of " + job.id() + ", the job adopted for this key");
        LedgerRow adopted = new LedgerRow(view.key(), LedgerState.QUEUED, 1, job.requestMemoryMib(), job.batchToken(),
                Optional.of(job.id()), job.rerunToken(), job.queuedAt(), List.of());
        return new Tracking(adopted, job, Tracking.Status.TRACKED, repairs, strays);
    }

    /** A row that is no longer live owns no job: anything of this key still in the queue must go. */
    private Tracking settled(LedgerRow row, List<BatchJob> jobs) {
        if (jobs.isEmpty()) {
            return new Tracking(row, null, Tracking.Status.SETTLED, List.of(), false);
        }
        List<Action> repairs = new ArrayList<>();
        boolean strays = killStrays(jobs, null, repairs, () -> "the ledger says this key is "
                + row.state().name().toLowerCase(Locale.ROOT) + ", so no job of it belongs in the queue");
        return new Tracking(row, null, Tracking.Status.SETTLED, repairs, strays);
    }

    /** Kills every live job but {@code keep}; the reason is only worded when there is one to kill. */
    private static boolean killStrays(List<BatchJob> jobs, BatchJob keep, List<Action> repairs, Supplier<String> reason) {
        boolean any = false;
        for (BatchJob job : jobs) {
            if (job != keep && job.isLive()) {
                repairs.add(new Action.Kill(job.key().orElseThrow(), job.id(), reason.get()));
                any = true;
            }
        }
        return any;
    }

    private static boolean belongsTo(BatchJob job, LedgerRow row) {
        return job.batchToken().equals(row.batchToken()) || row.batchJob().map(job.id()::equals).orElse(false);
    }

    /** The key's own jobs, plus jobs without a key that carry its row's batch token. */
    private List<BatchJob> jobsOf(KeyView view) {
        if (view.row() == null || view.row().batchToken().isEmpty()) {
            return view.jobs();
        }
        List<BatchJob> keyless = queue.keylessWithToken(view.row().batchToken());
        if (keyless.isEmpty()) {
            return view.jobs();
        }
        List<BatchJob> all = new ArrayList<>(view.jobs());
        for (BatchJob job : keyless) {
            all.add(job.withKey(view.key()));
        }
        all.sort(Comparator.comparing(BatchJob::id));
        return all;
    }
}
