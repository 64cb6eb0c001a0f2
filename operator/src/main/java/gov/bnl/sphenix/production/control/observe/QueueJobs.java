package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.plan.BatchQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The jobs of one queue read, indexed once: by batch id, and by the production their key names.
 * A pass looks at the queue production by production; going through every job of the queue for
 * each of them cost a hundred productions over 50,000 jobs five million steps a pass, for what one
 * index answers.
 */
public final class QueueJobs {

    private final BatchQueue queue;
    private final Map<BatchJobId, BatchJob> byId;
    private final Map<String, List<BatchJob>> byProduction = new HashMap<>();
    private final boolean anyMatchedByToken;

    private QueueJobs(BatchQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.byId = new HashMap<>(Math.max(16, queue.jobs().size() * 2));
        boolean byToken = false;
        for (BatchJob job : queue.jobs()) {
            // a job listed twice is taken as listed last, as a map filled in order keeps it
            byId.put(job.id(), job);
            if (job.key().isPresent()) {
                byProduction.computeIfAbsent(job.key().get().production(), p -> new ArrayList<>()).add(job);
            } else if (!job.batchToken().isEmpty()) {
                byToken = true;
            }
        }
        this.anyMatchedByToken = byToken;
    }

    public static QueueJobs of(BatchQueue queue) {
        return new QueueJobs(queue);
    }

    public BatchQueue queue() {
        return queue;
    }

    /** The job with this batch id, if the queue read listed it. */
    public Optional<BatchJob> job(BatchJobId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The jobs whose key names {@code production}, in the order read. */
    public List<BatchJob> ofProduction(String production) {
        return byProduction.getOrDefault(production, List.of());
    }

    /** Whether some job has no key but a batch token: only the whole ledger can tell whose it is. */
    public boolean anyMatchedByToken() {
        return anyMatchedByToken;
    }
}
