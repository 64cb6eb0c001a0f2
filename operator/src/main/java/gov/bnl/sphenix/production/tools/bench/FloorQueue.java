package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.Payload;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.SphenixprodCall;
import gov.bnl.sphenix.production.batch.Submission;
import gov.bnl.sphenix.production.batch.SubmitOptions;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The floor's jobs in the real pool, submitted through the HTCondor adapter with every attribute
 * the engine reads (so it takes them for its own): jobs that must stay queued ask for a machine no
 * slot is ({@link #NO_SLOT}), so fifty thousand of them never start; jobs that must finish run
 * {@code /bin/true} and are done in a second. The productions' names are new in every run, and
 * everything of theirs is removed at the end.
 */
final class FloorQueue {

    /** A requirement no slot meets: the job waits in the queue and never runs. */
    static final String NO_SLOT = "(TARGET.Machine =?= \"no-slot.invalid\")";

    private static final Payload TRUE = new Payload(Path.of("/bin/true"), List.of("bench"));

    private final BatchSystem batch;
    private final Path logs;

    FloorQueue(BatchSystem batch, Path logs) {
        this.batch = batch;
        this.logs = logs;
    }

    /** Queues jobs under these keys that never start; their ids, in the order of the keys. */
    List<BatchJobId> queue(List<JobKey> keys, OutputNamespace namespace, String batchToken) {
        return submit(keys, namespace, batchToken, Optional.of(NO_SLOT));
    }

    /** Submits jobs under these keys that run to their end at once; their ids, in the order of the keys. */
    List<BatchJobId> finishing(List<JobKey> keys, OutputNamespace namespace, String batchToken) {
        return submit(keys, namespace, batchToken, Optional.empty());
    }

    private List<BatchJobId> submit(List<JobKey> keys, OutputNamespace namespace, String batchToken,
                                    Optional<String> requirements) {
        SubmitOptions options = new SubmitOptions(0, Optional.empty(), Optional.empty(), requirements, Optional.empty(),
                Optional.empty());
        List<JobSpec> specs = new ArrayList<>(keys.size());
        for (JobKey key : keys) {
            specs.add(new JobSpec(key, batchToken, "", namespace, 3072, 1, 1024, 3500, "bench_" + namespace.dsttype(),
                    Optional.empty(), TRUE, List.of(), List.of(),
                    new JobFiles(logs.resolve(key.production()), key.production() + "-" + key.run() + "-" + key.leaf()),
                    JobContract.SPHENIXPROD, Map.of(SphenixprodCall.SCRIPT_PATH, "/tmp"), options));
        }
        try {
            // the schedd writes each job's log there, as the pool's user
            Path directory = logs.resolve(keys.get(0).production());
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the benchmark's log directory", e);
        }
        Submission submission = batch.submit(specs);
        return keys.stream().map(submission::idOf).toList();
    }

    void hold(List<BatchJobId> ids) {
        if (!ids.isEmpty()) {
            batch.hold(Selection.ids(ids), "held by the engine benchmark");
        }
    }

    void remove(List<BatchJobId> ids) {
        if (!ids.isEmpty()) {
            batch.remove(Selection.ids(ids), "removed by the engine benchmark");
        }
    }

    /**
     * Waits until these jobs have left the queue (each completed or removed), at most {@code patience};
     * returns how many are still there then (a busy pool may not start them in time).
     */
    int awaitGone(List<BatchJobId> ids, Duration patience) throws InterruptedException {
        if (ids.isEmpty()) {
            return 0;
        }
        int left = ids.size();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            QueueSnapshot there = batch.query(Selection.ids(ids));
            if (there.isKnown()) {
                left = there.jobs().size();
                if (left == 0) {
                    return 0;
                }
            }
            Thread.sleep(500);
        }
        return left;
    }

    /** Removes every job of these productions, whatever its state. */
    void removeAll(List<String> productions) {
        if (!productions.isEmpty()) {
            batch.remove(Selection.productions(productions), "engine benchmark over");
        }
    }
}
