package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.LedgerState;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.AdoptedJob;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.SubmittedRow;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What every {@link JobMoves} does: each move lands in its state, and only from the state it is guarded by. */
public abstract class JobMovesContract {

    protected abstract LedgerWorld world();

    private static SubmittedRow own(LedgerJob job) {
        return new SubmittedRow(job.id(), job.clusterId().getAsLong(), job.procId().getAsInt());
    }

    @Test
    void killedFailedAndFinishedRowsEndInTheirStates() throws SQLException {
        List<LedgerJob> rows = world().queued("moves-end", 3, 701);

        world().moves().killed(List.of(own(rows.get(0))));
        world().moves().failed(rows.get(1).id(), Optional.empty());
        world().moves().succeeded(List.of(rows.get(2).id()), List.of(42L));

        assertThat(world().rows("moves-end")).extracting(LedgerJob::state)
                .containsExactly(LedgerState.KILLED, LedgerState.FAILED, LedgerState.SUCCEEDED);
        assertThat(world().rows("moves-end").get(2).nevents().getAsLong()).isEqualTo(42L);
    }

    @Test
    void aFinishedRowIsNotKilledAfterwards() throws SQLException {
        LedgerJob row = world().queued("moves-guard", 1, 702).get(0);
        world().moves().succeeded(List.of(row.id()), List.of(1L));

        assertThat(world().moves().killed(List.of(own(row)))).isZero();
        assertThat(world().rows("moves-guard")).extracting(LedgerJob::state).containsExactly(LedgerState.SUCCEEDED);
    }

    @Test
    void aReleaseRaisesTheMemoryRequest() throws SQLException {
        LedgerJob row = world().queued("moves-release", 1, 703).get(0);
        HoldRecord hold = new HoldRecord(Instant.parse("2025-07-01T08:00:00Z"), new Hold(34, 0, "memory"), 2048);

        assertThat(world().moves().released(own(row), hold, 4096)).isTrue();
        assertThat(world().rows("moves-release").get(0).requestMib()).isEqualTo(4096);
    }

    @Test
    void anAdoptedJobBecomesTheRowOfItsKeyUnlessALiveRowHasIt() throws SQLException {
        world().declare("moves-adopt");
        LedgerKey key = LedgerWorld.jobs("moves-adopt", 100, 1, List.of()).get(0).key();
        AdoptedJob adopted = new AdoptedJob(key, LedgerState.RUNNING, 2048, 704, 0, "t", "r1", "",
                Instant.parse("2025-07-01T08:00:00Z"));

        assertThat(world().moves().adopt(adopted)).isTrue();
        assertThat(world().moves().adopt(new AdoptedJob(key, LedgerState.QUEUED, 2048, 705, 0, "u", "r1", "",
                Instant.parse("2025-07-01T08:00:00Z")))).as("the key is live under job 704").isFalse();
        assertThat(world().rows("moves-adopt")).extracting(LedgerJob::state, j -> j.clusterId().getAsLong())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerState.RUNNING, 704L));
    }

    @Test
    void aStaleSubmissionIsResetToLostOnlyUnderItsOwnToken() throws SQLException {
        world().declare("moves-stale");
        LedgerJob taken = world().steps().takeForSubmission(LedgerWorld.jobs("moves-stale", 100, 1, List.of()), "s1").get(0);

        assertThat(world().moves().resetStale(taken.id(), "other")).isFalse();
        assertThat(world().moves().resetStale(taken.id(), "s1")).isTrue();
        assertThat(world().rows("moves-stale")).extracting(LedgerJob::state).containsExactly(LedgerState.LOST);
    }
}
