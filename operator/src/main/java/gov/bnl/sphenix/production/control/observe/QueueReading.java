package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.catalog.ledger.LedgerView;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.plan.BatchQueue;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the batch queue and its recent history for the productions of a pass, one query each, into
 * the planner's {@link BatchQueue}. If any read fails the whole queue is unreadable: a queue known
 * for some productions only would make the others' jobs look lost.
 *
 * <p>Jobs a production ran under an identity it no longer has (removed, then declared again with a
 * new tag) are left out: they carry the same keys, and the new identity would adopt them as its own.
 */
public final class QueueReading {

    private QueueReading() {
    }

    public static BatchQueue read(BatchSystem batch, Collection<String> productions, int historyLimit,
                                  LedgerView ledger) throws SQLException {
        Map<BatchJobId, BatchJob> jobs = new LinkedHashMap<>();
        for (String production : productions) {
            QueueSnapshot inQueue = batch.query(production);
            QueueSnapshot history = batch.history(Selection.production(production), historyLimit);
            if (!inQueue.isKnown() || !history.isKnown()) {
                return BatchQueue.unreadable();
            }
            // history first: a job seen in both (leaving the queue right now) keeps its queue view
            history.jobs().forEach(j -> jobs.putIfAbsent(j.id(), j));
            inQueue.jobs().forEach(j -> jobs.put(j.id(), j));
        }
        Set<String> retired = ledger.retiredTokens(jobs.values().stream().map(BatchJob::batchToken).toList());
        return BatchQueue.of(jobs.values().stream().filter(j -> !retired.contains(j.batchToken())).toList());
    }
}
