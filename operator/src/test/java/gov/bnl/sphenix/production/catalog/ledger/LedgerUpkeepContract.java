package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.LedgerState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link LedgerUpkeep} does: the queue's word recorded in one go; a production's rows forgotten. */
public abstract class LedgerUpkeepContract {

    protected abstract LedgerWorld world();

    @Test
    void whatTheQueueSaysIsRecordedWithTheStartTime() throws SQLException {
        List<LedgerJob> rows = world().queued("upkeep-apply", 2, 801);
        Instant started = Instant.parse("2025-07-01T09:30:00Z");

        int applied = world().upkeep().apply(List.of(JobUpdate.running(rows.get(0).id(), started)));

        assertThat(applied).isEqualTo(1);
        LedgerJob running = world().rows("upkeep-apply").get(0);
        assertThat(running.state()).isEqualTo(LedgerState.RUNNING);
        assertThat(running.startedAt()).contains(started);
        assertThat(world().rows("upkeep-apply").get(1).state()).isEqualTo(LedgerState.QUEUED);
    }

    @Test
    void forgottenRowsAreGoneAndOnlyThoseOfTheNamedProduction() throws SQLException {
        List<LedgerJob> rows = world().queued("upkeep-forget", 2, 802);
        world().moves().failed(rows.get(0).id(), Optional.empty());

        assertThat(world().upkeep().forget("upkeep-other", List.of(rows.get(0).id()))).isZero();
        assertThat(world().upkeep().forget("upkeep-forget", List.of(rows.get(0).id()))).isEqualTo(1);
        assertThat(world().rows("upkeep-forget")).extracting(j -> j.key().job().segment()).containsExactly(1);
    }
}
