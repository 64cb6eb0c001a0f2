package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.readiness.WaitReason;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.plan.Tally;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    @Test
    void theTableReadsLikeTheWeeklySummary() {
        Map<String, Long> holds = new LinkedHashMap<>();
        holds.put("memory 4100 MB > 4096 MB", 12L);
        holds.put("job ran longer than 3 days", 1L);
        ProductionStanding calo = new ProductionStanding("run3auau-calo", "DST_CALO", "run3auau", "ana530_2025p008_v001",
                ProductionStanding.State.PROGRESSING, "a1b2c3d", Instant.EPOCH,
                Map.of(Tally.READY, 100L, Tally.RUNNING, 50L, Tally.HELD, 13L, Tally.SUCCEEDED, 900L, Tally.FAILED, 37L),
                40, 30, Optional.of(66545), Optional.of(66520), holds, 123_456_789L, 900, List.of());
        String table = StatusTable.render(List.of(calo));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("PRODUCTION").contains("SUBMITTED").contains("EVENTS");
        assertThat(lines.get(1)).contains("run3auau-calo", "DST_CALO", "ana530_2025p008_v001", "progressing",
                " 1000", "50 (5.0%)", "13 (1.3%)", "900 (90.0%)", "37 (3.7%)", "123.46M");
        assertThat(table).contains("run3auau-calo: top hold reasons").contains("    12  memory 4100 MB > 4096 MB");
    }

    @Test
    void theRunsThatWaitAreCountedByReasonUnderTheTable() {
        ProductionStanding streaming = new ProductionStanding("demo-streaming", "DST_STREAMING_EVENT", "run3auau",
                "ana523_nocdbtag_v001", ProductionStanding.State.PROGRESSING, "a1b2c3d", Instant.EPOCH,
                Map.of(Tally.QUEUED, 20L), 59, 0, Optional.empty(), Optional.empty(), Map.of(), 0, 0, List.of(),
                new WaitingCounts(Map.of(WaitReason.BELOW_CUTS, 4L, WaitReason.NOT_TRANSFERRED, 1L)));

        assertThat(StatusTable.render(List.of(streaming))).contains("\ndemo-streaming: waiting: 5 runs (4 below the run cuts,"
                + " 1 not transferred); prodctl why demo-streaming tells each run\n");
    }

    @Test
    void theRunsProducedShortOfTheDaqsEventsAreToldUnderTheTableAndOnlyThen() {
        DaqComparison shortOf = new DaqComparison(120, 5_000_000L, 5_400_000L, 3, List.of(66052, 66060, 66071));
        ProductionStanding calo = new ProductionStanding("run3auau-calo", "DST_CALO", "run3auau", "ana530_2025p008_v001",
                ProductionStanding.State.PROGRESSING, "a1b2c3d", Instant.EPOCH, Map.of(Tally.SUCCEEDED, 960L), 120, 120,
                Optional.empty(), Optional.empty(), Map.of(), 5_000_000L, 960, List.of(), WaitingCounts.NONE, shortOf);
        ProductionStanding whole = new ProductionStanding("run3auau-streaming", "DST_STREAMING_EVENT", "run3auau",
                "ana523_nocdbtag_v001", ProductionStanding.State.COMPLETE, "a1b2c3d", Instant.EPOCH,
                Map.of(Tally.SUCCEEDED, 80L), 10, 10, Optional.empty(), Optional.empty(), Map.of(), 1_000_000L, 80,
                List.of(), WaitingCounts.NONE, new DaqComparison(10, 1_000_000L, 1_000_000L, 0, List.of()));

        String table = StatusTable.render(List.of(calo, whole));

        assertThat(table).contains("\nrun3auau-calo: 120 runs produced, 3 under 0.95 of the DAQ's events (66052, 66060,"
                + " 66071); prodctl why run3auau-calo lists them\n");
        assertThat(table).doesNotContain("run3auau-streaming: ");
    }
}
