package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.catalog.ledger.LedgerView;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.plan.BatchQueue;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the batch queue and its recent history for the productions of a pass into the planner's
 * {@link BatchQueue}: one queue listing and one history listing per schedd, however many
 * productions there are (read production by production, a pass of a hundred productions cost the
 * schedd two hundred listings). Both name exactly the productions of the pass, so jobs of any other
 * production stay unread, as they did when each production was read on its own. If any read fails
 * the whole queue is unreadable: a queue known for some productions only would make the others'
 * jobs look lost.
 *
 * <p>The history that matters goes back to the submission of the oldest job the ledger holds live
 * (less {@link #HISTORY_MARGIN}, for clocks that disagree and jobs adopted with their own queue
 * date), at most {@code historyLimit} jobs per production of the pass: a job that left before then
 * belongs to no live row. A reading that has read a schedd before reads only what left since its
 * last read (less {@link #OVERLAP}, for jobs written to the history a while after they ended) and
 * keeps what it read before within that window, so a pass costs the schedd the jobs that left since
 * the last pass, not the whole window. A reading is the engine's, one per engine; a new one (a
 * restarted operator, a plan preview) reads the whole window once.
 *
 * <p>Jobs a production ran under an identity it no longer has (removed, then declared again with a
 * new tag) are left out: they carry the same keys, and the new identity would adopt them as its own.
 */
public final class QueueReading {

    /** How much earlier than the oldest live submission the history is read. */
    public static final Duration HISTORY_MARGIN = Duration.ofDays(1);

    /** How far before its last read a reading reads a schedd's history again. */
    public static final Duration OVERLAP = Duration.ofMinutes(15);

    /** What a reading knows of one schedd's history. */
    private record Known(Set<String> productions, Instant readAt, Map<BatchJobId, BatchJob> jobs) {
    }

    private final Map<BatchSystem, Known> history = new IdentityHashMap<>();

    /** One schedd's queue and history, read afresh. */
    public static BatchQueue read(BatchSystem batch, Collection<String> productions, int historyLimit,
                                  LedgerView ledger, Instant now) throws SQLException {
        return new QueueReading().read(List.of(batch), productions, historyLimit, ledger, now);
    }

    /**
     * The queues and histories of several schedds (each a {@link BatchSystem} of its own) as one
     * queue: a production may have jobs in any of them.
     */
    public synchronized BatchQueue read(List<? extends BatchSystem> schedds, Collection<String> productions,
                                        int historyLimit, LedgerView ledger, Instant now) throws SQLException {
        if (productions.isEmpty()) {
            return BatchQueue.of(List.of());
        }
        Set<String> names = Set.copyOf(productions);
        Selection ours = Selection.productions(names);
        Instant window = ledger.oldestLiveSubmission().filter(t -> t.isBefore(now)).orElse(now).minus(HISTORY_MARGIN);
        int limit = (int) Math.min(Integer.MAX_VALUE, (long) historyLimit * names.size());
        Map<BatchJobId, BatchJob> jobs = new LinkedHashMap<>();
        for (BatchSystem schedd : schedds) {
            QueueSnapshot inQueue = schedd.query(ours);
            if (!inQueue.isKnown()) {
                return BatchQueue.unreadable();
            }
            Known before = history.get(schedd);
            // what it read before covers a production only if that production was read then
            boolean incremental = before != null && before.productions().containsAll(names);
            Instant since = incremental && before.readAt().minus(OVERLAP).isAfter(window)
                    ? before.readAt().minus(OVERLAP) : window;
            QueueSnapshot left = schedd.history(ours, since, limit);
            if (!left.isKnown()) {
                return BatchQueue.unreadable();
            }
            Map<BatchJobId, BatchJob> known = new LinkedHashMap<>();
            if (incremental) {
                before.jobs().forEach((id, job) -> {
                    if (job.key().map(k -> names.contains(k.production())).orElse(true)
                            && job.stateSince().map(t -> !t.isBefore(window)).orElse(true)) {
                        known.put(id, job);
                    }
                });
            }
            left.jobs().forEach(j -> known.put(j.id(), j));
            history.put(schedd, new Known(names, now, known));
            // history first: a job seen in both (leaving the queue right now) keeps its queue view
            known.values().forEach(j -> jobs.putIfAbsent(j.id(), j));
            inQueue.jobs().forEach(j -> jobs.put(j.id(), j));
        }
        Set<String> retired = ledger.retiredTokens(jobs.values().stream().map(BatchJob::batchToken).toList());
        return BatchQueue.of(jobs.values().stream().filter(j -> !retired.contains(j.batchToken())).toList());
    }
}
