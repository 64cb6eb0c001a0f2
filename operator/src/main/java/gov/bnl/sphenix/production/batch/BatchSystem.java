package gov.bnl.sphenix.production.batch;

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
