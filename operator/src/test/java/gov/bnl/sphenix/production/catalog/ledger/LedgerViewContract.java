package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.LedgerState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What every {@link LedgerView} does: rows by production and state, holds by job, live jobs' inputs. */
public abstract class LedgerViewContract {

    protected abstract LedgerWorld world();

    @Test
    void aProductionsRowsComeInTheAskedStatesOnly() throws SQLException {
        List<LedgerJob> queued = world().queued("view-states", 3, 501);
        world().moves().failed(queued.get(0).id(), Optional.empty());

        List<LedgerJob> idle = new ArrayList<>();
        world().view().jobs("view-states", EnumSet.of(LedgerState.QUEUED), idle::add);
        List<LedgerJob> other = new ArrayList<>();
        world().view().jobs("view-other", EnumSet.allOf(LedgerState.class), other::add);

        assertThat(idle).extracting(j -> j.key().job().segment()).containsExactlyInAnyOrder(1, 2);
        assertThat(other).isEmpty();
    }

    @Test
    void holdsAreKeptByJobOldestFirst() throws SQLException {
        LedgerJob job = world().queued("view-holds", 1, 502).get(0);
        HoldRecord first = new HoldRecord(Instant.parse("2025-07-01T08:00:00Z"), new Hold(34, 0, "memory"), 2048);
        HoldRecord second = new HoldRecord(Instant.parse("2025-07-01T09:00:00Z"), new Hold(34, 0, "memory again"), 4096);
        world().moves().released(new JobTransitions.SubmittedRow(job.id(), 502, 0), first, 4096);
        world().moves().released(new JobTransitions.SubmittedRow(job.id(), 502, 0), second, 8192);

        assertThat(world().view().holdsOf("view-holds").get(job.id())).extracting(h -> h.hold().reason())
                .containsExactly("memory", "memory again");
    }

    @Test
    void theInputsOfLiveJobsAreHandedOutAndFinishedJobsAreNot() throws SQLException {
        List<LedgerJob> queued = world().queued("view-inputs", 2, 503);
        world().moves().succeeded(List.of(queued.get(1).id()), List.of(10L));

        List<JobLedger.LiveInputs> live = new ArrayList<>();
        world().view().liveInputs(live::add);

        assertThat(live).filteredOn(i -> i.production().equals("view-inputs"))
                .extracting(JobLedger.LiveInputs::segment, JobLedger.LiveInputs::inputs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, Optional.of(List.of("a.evt"))));
    }
}
