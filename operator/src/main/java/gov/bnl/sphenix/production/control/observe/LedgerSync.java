package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.catalog.ledger.JobUpdate;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.BatchQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Brings the ledger's queued / running / held up to date with the queue, so the ledger tells where
 * each job stands (with its start time) even between passes and for tools that read only the
 * ledger. Rows an action of this pass touched are left to that action; ends of jobs are recorded
 * by the harvest (success) and by the planner's actions (failure, removal), not here.
 */
public final class LedgerSync {

    private LedgerSync() {
    }

    public static List<JobUpdate> updates(Collection<LedgerJob> rows, BatchQueue queue, Set<JobKey> touched) {
        Map<BatchJobId, BatchJob> jobs = new HashMap<>();
        queue.jobs().forEach(j -> jobs.put(j.id(), j));
        List<JobUpdate> updates = new ArrayList<>();
        for (LedgerJob row : rows) {
            if (!row.state().isSubmitted() || touched.contains(row.key().job())) {
                continue;
            }
            BatchJob job = LedgerRows.batchJob(row).map(jobs::get).orElse(null);
            if (job == null || !job.isLive()) {
                continue;
            }
            LedgerState now = LedgerRows.stateOf(job);
            if (now != row.state()) {
                updates.add(new JobUpdate(row.id(), now, now == LedgerState.RUNNING ? job.startedAt() : Optional.empty(),
                        Optional.empty(), OptionalInt.empty(), OptionalLong.empty()));
            }
        }
        return updates;
    }
}
