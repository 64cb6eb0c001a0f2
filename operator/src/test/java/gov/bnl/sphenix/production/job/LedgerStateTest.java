package gov.bnl.sphenix.production.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one translation from the batch system's words to the ledger's. */
class LedgerStateTest {

    @Test
    void aJobTheBatchSystemReportsIsRecordedInTheLedgersWords() {
        assertThat(LedgerState.recording(BatchState.QUEUED)).isEqualTo(LedgerState.QUEUED);
        assertThat(LedgerState.recording(BatchState.RUNNING)).isEqualTo(LedgerState.RUNNING);
        assertThat(LedgerState.recording(BatchState.HELD)).isEqualTo(LedgerState.HELD);
        assertThat(LedgerState.recording(BatchState.COMPLETED)).as("waits for its harvest").isEqualTo(LedgerState.RUNNING);
        assertThat(LedgerState.recording(BatchState.REMOVED)).isEqualTo(LedgerState.KILLED);
    }

    @Test
    void theDatabaseTextReadsBackAndTheGroupsSayWhatTheirNamesSay() {
        for (LedgerState state : LedgerState.values()) {
            assertThat(LedgerState.fromDb(state.dbName())).isEqualTo(state);
        }
        assertThat(LedgerState.live()).containsExactlyInAnyOrder(LedgerState.SUBMITTING, LedgerState.QUEUED,
                LedgerState.RUNNING, LedgerState.HELD);
        assertThat(LedgerState.submitted()).containsExactlyInAnyOrder(LedgerState.QUEUED, LedgerState.RUNNING,
                LedgerState.HELD);
    }
}
