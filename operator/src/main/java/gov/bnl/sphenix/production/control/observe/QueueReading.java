package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.batch.BatchJob;
import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.QueueJob;
import gov.bnl.sphenix.production.plan.QueueState;
import gov.bnl.sphenix.production.spec.BatchJobId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the batch queue and its recent history for the productions of a pass, one query each, and
 * turns the batch port's jobs into the planner's. If any read fails the whole queue is unreadable:
 * a queue known for some productions only would make the others' jobs look lost.
 */
public final class QueueReading {

    private QueueReading() {
    }

    public static BatchQueue read(BatchSystem batch, Collection<String> productions, int historyLimit) {
        Map<BatchJobId, QueueJob> jobs = new LinkedHashMap<>();
        for (String production : productions) {
            QueueSnapshot queued = batch.query(production);
            QueueSnapshot history = batch.history(Selection.production(production), historyLimit);
            if (!queued.isKnown() || !history.isKnown()) {
                return BatchQueue.unreadable();
            }
            // history first: a job seen in both (leaving the queue right now) keeps its queue view
            history.jobs().forEach(j -> jobs.putIfAbsent(j.id(), toPlanner(j)));
            queued.jobs().forEach(j -> jobs.put(j.id(), toPlanner(j)));
        }
        return BatchQueue.of(new ArrayList<>(jobs.values()));
    }

    static QueueJob toPlanner(BatchJob job) {
        return new QueueJob(job.id(), job.key(), job.batchToken(), job.rerunToken(), state(job), job.hold(),
                job.requestMemoryMib(), job.numJobStarts(), job.queuedAt(), job.startedAt(), job.stateSince(),
                job.exitCode());
    }

    private static QueueState state(BatchJob job) {
        return switch (job.state()) {
            case IDLE -> QueueState.IDLE;
            case RUNNING -> QueueState.RUNNING;
            case HELD -> QueueState.HELD;
            case COMPLETED -> QueueState.COMPLETED;
            case REMOVED -> QueueState.REMOVED;
        };
    }

    /** Jobs of the queue in list form, for callers that index them themselves. */
}
