package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.LedgerState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link SubmissionSteps} does: the ledger's three steps of a submission, and its duplicate guard. */
public abstract class SubmissionStepsContract {

    protected abstract LedgerWorld world();

    @Test
    void aKeyLiveInTheLedgerIsNeverTakenTwice() throws SQLException {
        world().declare("steps-take");
        List<LedgerJob> first = world().steps().takeForSubmission(LedgerWorld.jobs("steps-take", 100, 2, List.of()), "a");
        List<LedgerJob> second = world().steps().takeForSubmission(LedgerWorld.jobs("steps-take", 100, 3, List.of()), "b");

        assertThat(first).extracting(LedgerJob::state).containsOnly(LedgerState.SUBMITTING);
        assertThat(second).extracting(j -> j.key().job().segment()).containsExactly(2);
    }

    @Test
    void recordedRowsAreQueuedWithTheirBatchIds() throws SQLException {
        List<LedgerJob> rows = world().queued("steps-record", 2, 601);

        assertThat(rows).extracting(LedgerJob::state).containsOnly(LedgerState.QUEUED);
        assertThat(rows).extracting(j -> j.clusterId().getAsLong()).containsOnly(601L);
        assertThat(rows).extracting(j -> j.procId().getAsInt()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aLostSubmissionFreesItsKeysForTheNextOne() throws SQLException {
        world().declare("steps-lost");
        List<LedgerJob> taken = world().steps().takeForSubmission(LedgerWorld.jobs("steps-lost", 100, 2, List.of()), "c");
        world().steps().submissionLost("c", taken.stream().map(LedgerJob::id).toList());

        assertThat(world().rows("steps-lost")).extracting(LedgerJob::state).containsOnly(LedgerState.LOST);
        assertThat(world().steps().takeForSubmission(LedgerWorld.jobs("steps-lost", 100, 2, List.of()), "d")).hasSize(2);
    }
}
