package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.readiness.WaitReason;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.plan.Tally;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The waiting runs by reason in the stored status: written, read back, and absent from statuses written before. */
class StatusJsonWaitingTest {

    private static final ProductionStanding WAITING = new ProductionStanding("demo-streaming", "DST_STREAMING_EVENT",
            "run3auau", "ana523_nocdbtag_v001", ProductionStanding.State.PROGRESSING, "a1b2c3d",
            Instant.parse("2026-01-05T10:00:00Z"), Map.of(Tally.QUEUED, 12L), 59, 3, Optional.of(66098),
            Optional.of(66052), Map.of(), 0, 0, List.of(),
            new WaitingCounts(Map.of(WaitReason.STILL_RUNNING, 1L, WaitReason.BELOW_CUTS, 4L)));

    @Test
    void theCountsByReasonSurviveTheRoundTripUnderTheirStableNames() {
        String json = StatusJson.write(WAITING);

        assertThat(json).contains("\"waiting\" : {\n    \"stillRunning\" : 1,\n    \"belowRunCuts\" : 4\n  }");
        assertThat(StatusJson.read(json)).isEqualTo(WAITING);
    }

    @Test
    void aStatusWrittenBeforeRunsWereCountedReadsAsNothingCounted() {
        String older = StatusJson.write(WAITING).replaceAll(",\\s*\"waiting\" : \\{[^}]*}", "");

        ProductionStanding read = StatusJson.read(older);

        assertThat(older).doesNotContain("waiting");
        assertThat(read.waiting()).isEqualTo(WaitingCounts.NONE);
        assertThat(read.jobs()).isEqualTo(WAITING.jobs());
    }

    @Test
    void aReasonThisVersionDoesNotKnowIsSkipped() {
        String newer = StatusJson.write(WAITING).replace("\"stillRunning\"", "\"someLaterReason\"");

        assertThat(StatusJson.read(newer).waiting().byReason()).containsExactly(Map.entry(WaitReason.BELOW_CUTS, 4L));
    }
}
