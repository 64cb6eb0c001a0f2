package gov.bnl.sphenix.production.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.spec.Production;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicates are counted from the batch system's own record, read as an auditor reads it: the
 * queue, then the history. A job that leaves the queue between the two reads is in both, and
 * must count once: CrashSafetyTest's audit once reported it as a second job of its key ("1
 * job(s) in the queue and history overlapped another job of the same key") when a loaded machine
 * let a job finish between its reads.
 */
class DuplicateCheckTest {

    @TempDir
    Path dir;

    @Test
    void aJobSeenInTheQueueAndThenInTheHistoryIsOneJob() throws Exception {
        try (LocalExecutor batch = new LocalExecutor(LocalSettings.defaults().withMaxRunning(1))) {
            WorkArea work = WorkArea.in(dir, false);
            Production production = BatchFixtures.production("dup");
            batch.submit(List.of(work.job(production, 72_001, 0, 256)));
            batch.hold(Selection.production(production.name()), "kept in the queue until the queue is read");
            List<BatchJob> queue = batch.query(production.name()).jobs();
            // the job leaves the queue between the auditor's two reads
            batch.remove(Selection.production(production.name()), "leaves before the history is read");
            List<BatchJob> history = batch.history(Selection.production(production.name()), 100).jobs();

            assertThat(queue).singleElement().satisfies(j -> assertThat(j.isLive()).isTrue());
            assertThat(history).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(BatchState.REMOVED));
            List<BatchJob> everyJob = new ArrayList<>(queue);
            everyJob.addAll(history);
            assertThat(DuplicateCheck.overlapping(everyJob, Instant.now())).isEmpty();
            assertThat(DuplicateCheck.count(everyJob, Instant.now())).isZero();
        }
    }

    @Test
    void twoJobsOfOneKeyInTheQueueAtOnceAreADuplicate() throws Exception {
        try (LocalExecutor batch = new LocalExecutor(LocalSettings.defaults().withMaxRunning(1))) {
            WorkArea work = WorkArea.in(dir, false);
            Production production = BatchFixtures.production("dup");
            for (int copy = 0; copy < 2; copy++) {
                batch.submit(List.of(work.job(production, 72_001, 0, 256)));
                batch.hold(Selection.production(production.name()), "kept in the queue");
            }
            List<BatchJob> queue = batch.query(production.name()).jobs();

            assertThat(queue).hasSize(2);
            assertThat(DuplicateCheck.overlapping(queue, Instant.now())).hasSize(1);
            batch.remove(Selection.production(production.name()), "test over");
        }
    }
}
