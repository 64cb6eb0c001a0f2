package gov.bnl.sphenix.production.control.observe;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.BatchQueue;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** One index of a queue read answers what a pass asked of every job once per production. */
class QueueJobsTest {

    private static BatchJob job(long cluster, int proc, Optional<JobKey> key, String token, BatchState state) {
        return new BatchJob(new BatchJobId(cluster, proc), key, token, "", state, Optional.empty(), 2048,
                OptionalInt.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    @Test
    void jobsByIdAndByTheProductionTheirKeyNames() {
        BatchJob a = job(10, 0, Optional.of(JobKey.of("calo", 100, 0)), "t1", BatchState.QUEUED);
        BatchJob b = job(10, 1, Optional.of(JobKey.of("tpc", 100, 0)), "t1", BatchState.QUEUED);
        BatchJob c = job(11, 0, Optional.of(JobKey.of("calo", 101, 0)), "t2", BatchState.RUNNING);
        BatchJob aLeft = job(10, 0, Optional.of(JobKey.of("calo", 100, 0)), "t1", BatchState.COMPLETED);

        QueueJobs jobs = QueueJobs.of(BatchQueue.of(List.of(a, b, c, aLeft)));

        assertThat(jobs.ofProduction("calo")).containsExactly(a, c, aLeft);
        assertThat(jobs.ofProduction("tpc")).containsExactly(b);
        assertThat(jobs.ofProduction("elsewhere")).isEmpty();
        assertThat(jobs.job(new BatchJobId(10, 0))).as("listed twice: as listed last").contains(aLeft);
        assertThat(jobs.job(new BatchJobId(12, 0))).isEmpty();
        assertThat(jobs.anyMatchedByToken()).isFalse();
    }

    @Test
    void aJobWithoutKeyButWithATokenIsMatchedByToken() {
        QueueJobs withToken = QueueJobs.of(BatchQueue.of(List.of(job(1, 0, Optional.empty(), "t", BatchState.QUEUED))));
        QueueJobs without = QueueJobs.of(BatchQueue.of(List.of(job(1, 0, Optional.empty(), "", BatchState.QUEUED))));

        assertThat(withToken.anyMatchedByToken()).isTrue();
        assertThat(without.anyMatchedByToken()).as("no key and no token: nothing to match it by").isFalse();
        assertThat(withToken.ofProduction("calo")).isEmpty();
    }
}
