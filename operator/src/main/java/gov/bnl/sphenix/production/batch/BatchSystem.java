package gov.bnl.sphenix.production.batch;

import java.time.Instant;
import java.util.List;

/**
 * The port to a batch system, in the domain's words. The engine sees only this; the HTCondor
 * adapter ({@code batch.condor}) and the local executor ({@code batch.local}) implement it with the
 * same states and hold codes.
 *
 * <p>Queries never throw and never turn a failure into "no jobs": they answer
 * {@link QueueSnapshot.Unknown}. Actions throw {@link BatchSystemException} when the batch system
 * refuses or does not answer in time; an action that matches no job is not an error.
 */
public interface BatchSystem extends AutoCloseable {

    /**
     * Submits jobs: the jobs of one production go into one cluster in one call. Returns the id of
     * every job. Throws {@link SubmitException}; when its {@code outcomeUnknown()} is true some
     * jobs may be queued and must be looked up by batch token before a retry.
     */
    Submission submit(List<JobSpec> jobs);

    /**
     * The jobs in the queue that match: queued, running, held — and, for a moment, removed or
     * completed ones on their way out.
     */
    QueueSnapshot query(Selection selection);

    /** All queued jobs of one production. */
    default QueueSnapshot query(String production) {
        return query(Selection.production(production));
    }

    /** Jobs that left the queue (completed or removed), newest first, at most {@code limit}. */
    QueueSnapshot history(Selection selection, int limit);

    /**
     * Jobs that left the queue at {@code since} or later, newest first, at most {@code limit}: the
     * read stops at the first job that left before {@code since}, so its cost is bounded by the
     * recent history, not by all of it. Jobs that left earlier may be missing from the answer.
     */
    default QueueSnapshot history(Selection selection, Instant since, int limit) {
        QueueSnapshot answer = history(selection, limit);
        if (!(answer instanceof QueueSnapshot.Known all)) {
            return answer;
        }
        return QueueSnapshot.of(all.jobs().stream().filter(j -> j.stateSince().map(t -> !t.isBefore(since)).orElse(true))
                .toList(), all.readAt());
    }

    /**
     * How many times this batch system's queue and history were read so far: what a pass costs the
     * schedd. Zero for an adapter that does not count.
     */
    default QueueReads reads() {
        return QueueReads.NONE;
    }

    /** Releases held jobs; they are queued again and run again. */
    void release(Selection selection);

    /** Puts jobs on hold (code 1, "by user") with a reason. */
    void hold(Selection selection, String reason);

    /** Removes jobs from the queue; running ones are stopped. */
    void remove(Selection selection, String reason);

    /** Changes queued jobs, e.g. a new memory request before a release. */
    void edit(Selection selection, JobEdit edit);

    /** Whether the batch system answers. Never throws. */
    Health health();

    /**
     * Frees the adapter's resources. The HTCondor adapter leaves the pool's jobs alone; the local
     * executor, being the batch system itself, stops its jobs.
     */
    @Override
    void close();
}
