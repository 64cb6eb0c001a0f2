package gov.bnl.sphenix.production.tools.chaos;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.control.observe.LedgerRows;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.tools.demo.DuplicateCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One production's jobs as the batch system itself records them — its queue and its history, not
 * the operator's ledger — checked for two jobs of one key in the queue at once, and for live jobs
 * that no ledger row owns.
 */
final class QueueAudit {

    private final BatchSystem batch;

    QueueAudit(BatchSystem batch) {
        this.batch = batch;
    }

    /** The production's queue (read first, so a job leaving it is then seen in the history) and history. */
    Jobs read(String production) {
        QueueSnapshot queue = batch.query(Selection.production(production));
        QueueSnapshot history = batch.history(Selection.production(production), Integer.MAX_VALUE);
        if (!queue.isKnown() || !history.isKnown()) {
            throw new IllegalStateException("the batch system did not answer for " + production
                    + "; an audit needs its queue and its history");
        }
        return new Jobs(queue.jobs(), history.jobs(), Instant.now());
    }

    /** Jobs whose time in the queue began while another job of the same key was in it. */
    static List<String> duplicates(Jobs jobs) {
        return DuplicateCheck.overlapping(jobs.every(), jobs.readAt()).stream()
                .map(j -> "job " + j + " was queued while another job of " + j.key().map(Object::toString).orElse("?")
                        + " was in the queue")
                .toList();
    }

    /** Live jobs that are not the job of a submitted ledger row of their key. */
    static List<String> orphans(Jobs jobs, Map<JobKey, LedgerJob> rows) {
        List<String> orphans = new ArrayList<>();
        for (BatchJob job : jobs.queue()) {
            if (!job.isLive()) {
                continue;
            }
            LedgerJob row = job.key().map(rows::get).orElse(null);
            boolean owned = row != null && row.state().isSubmitted()
                    && LedgerRows.batchJob(row).map(job.id()::equals).orElse(false);
            if (!owned) {
                orphans.add("live job " + job + " is owned by no ledger row"
                        + (row == null ? "" : " (its key's row is " + row.state() + " as "
                        + LedgerRows.batchJob(row).map(Object::toString).orElse("no job") + ")"));
            }
        }
        return orphans;
    }

    /** A production's jobs in the queue and in the history, and when they were read. */
    record Jobs(List<BatchJob> queue, List<BatchJob> history, Instant readAt) {

        List<BatchJob> every() {
            return Stream.concat(queue.stream(), history.stream()).toList();
        }

        boolean anyLive() {
            return queue.stream().anyMatch(BatchJob::isLive);
        }
    }
}
