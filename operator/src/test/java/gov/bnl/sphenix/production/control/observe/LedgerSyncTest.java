package gov.bnl.sphenix.production.control.observe;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.ledger.JobUpdate;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.JobSeen;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    private static Map<JobKey, LedgerJob> byKey(List<LedgerJob> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.key().job(), Function.identity()));
    }

    private static JobSeen seen(int segment, LedgerState state) {
        return new JobSeen(JobKey.of("calo", 67962, segment), new BatchJobId(100, segment), state,
                state == LedgerState.RUNNING ? Optional.of(STARTED) : Optional.empty());
    }

    @Test
    void eachSightingOfARowsOwnJobIsWrittenWithItsStateAndARunningOneWithItsStartTime() {
        List<LedgerJob> rows = List.of(row(0, LedgerState.QUEUED), row(1, LedgerState.RUNNING), row(3, LedgerState.HELD));

        assertThat(LedgerSync.updates(byKey(rows), List.of(seen(0, LedgerState.RUNNING), seen(1, LedgerState.HELD),
                seen(3, LedgerState.QUEUED)))).containsExactly(
                new JobUpdate(0, LedgerState.RUNNING, Optional.of(STARTED), Optional.empty(), OptionalInt.empty(),
                        OptionalLong.empty()),
                new JobUpdate(1, LedgerState.HELD, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        OptionalLong.empty()),
                new JobUpdate(3, LedgerState.QUEUED, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        OptionalLong.empty()));
    }

    @Test
    void aSightingOfAKeyWithoutRowOrOfAnotherBatchJobIsSkipped() {
        List<LedgerJob> rows = List.of(row(0, LedgerState.QUEUED));
        JobSeen otherJob = new JobSeen(JobKey.of("calo", 67962, 0), new BatchJobId(999, 0), LedgerState.RUNNING,
                Optional.of(STARTED));

        assertThat(LedgerSync.updates(byKey(rows), List.of(otherJob, seen(5, LedgerState.RUNNING)))).isEmpty();
    }
}
