package gov.bnl.sphenix.production.control.observe;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.ledger.JobUpdate;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ledger learns from the queue where its submitted jobs stand, in its own words. */
class LedgerSyncTest {

    private static final Instant STARTED = Instant.parse("2025-07-01T09:00:00Z");
    private static final OutputNamespace CALO = new OutputNamespace("DST_CALO", "run3auau", Tag.parse("ana468_2024p012_v001"));

    private static LedgerJob row(int segment, LedgerState state) {
        return new LedgerJob(segment, new LedgerKey(JobKey.of("calo", 67962, segment), CALO), state, 1, 0, 2048,
                OptionalLong.of(100), OptionalInt.of(segment), "t", Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), "r1", "");
    }

    private static BatchJob job(int segment, BatchState state) {
        return new BatchJob(new BatchJobId(100, segment), Optional.of(JobKey.of("calo", 67962, segment)), "t", "",
                state, state == BatchState.HELD ? Optional.of(new Hold(26, 0, "policy")) : Optional.empty(), 2048, OptionalInt.empty(), 1,
                Optional.of(STARTED), Optional.of(STARTED), Optional.of(STARTED), OptionalInt.empty());
    }

    @Test
    void aSubmittedRowTakesTheStateOfItsJobAndARunningOneItsStartTime() {
        List<LedgerJob> rows = List.of(row(0, LedgerState.QUEUED), row(1, LedgerState.RUNNING), row(2, LedgerState.QUEUED),
                row(3, LedgerState.HELD));
        BatchQueue queue = BatchQueue.of(List.of(job(0, BatchState.RUNNING), job(1, BatchState.HELD),
                job(2, BatchState.QUEUED), job(3, BatchState.QUEUED)));

        assertThat(LedgerSync.updates(rows, queue, Set.of())).containsExactly(
                new JobUpdate(0, LedgerState.RUNNING, Optional.of(STARTED), Optional.empty(), OptionalInt.empty(),
                        OptionalLong.empty()),
                new JobUpdate(1, LedgerState.HELD, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        OptionalLong.empty()),
                new JobUpdate(3, LedgerState.QUEUED, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        OptionalLong.empty()));
    }

    @Test
    void rowsNotSubmittedJobsNotLiveAndKeysThisPassTouchedAreLeftToTheirOwners() {
        List<LedgerJob> rows = List.of(row(0, LedgerState.SUBMITTING), row(1, LedgerState.SUCCEEDED),
                row(2, LedgerState.QUEUED), row(3, LedgerState.QUEUED));
        BatchQueue queue = BatchQueue.of(List.of(job(0, BatchState.RUNNING), job(1, BatchState.RUNNING),
                job(2, BatchState.COMPLETED), job(3, BatchState.RUNNING)));

        assertThat(LedgerSync.updates(rows, queue, Set.of(JobKey.of("calo", 67962, 3)))).isEmpty();
    }

    @Test
    void aJobTheBatchSystemReportsIsRecordedInTheLedgersWords() {
        assertThat(LedgerRows.stateOf(job(0, BatchState.QUEUED))).isEqualTo(LedgerState.QUEUED);
        assertThat(LedgerRows.stateOf(job(0, BatchState.RUNNING))).isEqualTo(LedgerState.RUNNING);
        assertThat(LedgerRows.stateOf(job(0, BatchState.HELD))).isEqualTo(LedgerState.HELD);
        assertThat(LedgerRows.stateOf(job(0, BatchState.COMPLETED))).as("waits for its harvest").isEqualTo(LedgerState.RUNNING);
        assertThat(LedgerRows.stateOf(job(0, BatchState.REMOVED))).isEqualTo(LedgerState.KILLED);
    }
}
