package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.job.HoldSignature;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operating limits in the words operators set them with, and the refusals a typo gets. */
class OperatingLimitsTest {

    @Test
    void everyLimitIsSetByItsWordAndTheOthersKeepTheirValue() {
        PlannerSettings s = OperatingLimits.apply(PlannerSettings.DEFAULTS, Map.of("queueBudget", "20000",
                "maxRunTime", "5d", "maxReleases", "1", "releaseBackoff", "30m", "maxRestarts", "2",
                "memoryHolds", "34/0, 26", "segmentZeroFirst", "false", "harvestGrace", "2m"), "--limit");

        assertThat(s.globalQueueBudget()).isEqualTo(20_000);
        assertThat(s.maxRunTime()).isEqualTo(Duration.ofDays(5));
        assertThat(s.maxReleases()).isEqualTo(1);
        assertThat(s.releaseBackoff()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.maxRestarts()).isEqualTo(2);
        assertThat(s.memoryHolds()).containsExactly(new HoldSignature(34, 0), HoldSignature.anySubcode(26));
        assertThat(s.segmentZeroFirst()).isFalse();
        assertThat(s.harvestGrace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.staleSubmittingAfter()).isEqualTo(PlannerSettings.DEFAULTS.staleSubmittingAfter());
        assertThat(OperatingLimits.describe(s)).isEqualTo("queueBudget=20000, maxRunTime=5 d, maxReleases=1,"
                + " releaseBackoff=30 min, maxRestarts=2, memoryHolds=34/0,26, segmentZeroFirst=false, harvestGrace=2 min");
    }

    @Test
    void howLongASubmissionThatLeftNoJobIsWaitedForIsALimit() {
        PlannerSettings s = OperatingLimits.apply(PlannerSettings.DEFAULTS, Map.of("staleSubmitting", "30s"), "--limit");

        assertThat(s.staleSubmittingAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.harvestGrace()).isEqualTo(PlannerSettings.DEFAULTS.harvestGrace());
        assertThatThrownBy(() -> OperatingLimits.apply(PlannerSettings.DEFAULTS, Map.of("staleSubmitting", "0s"),
                "--limit")).hasMessageContaining("staleSubmitting=0s is refused");
    }

    @Test
    void aWordThatIsNoLimitOrAValueOutOfRangeIsRefusedWithWhatItMayBe() {
        assertThatThrownBy(() -> OperatingLimits.apply(PlannerSettings.DEFAULTS, Map.of("maxRuntime", "5d"), "--limit"))
                .hasMessage("--limit: 'maxRuntime' is not an operating limit; the limits are harvestGrace, maxReleases,"
                        + " maxRestarts, maxRunTime, memoryHolds, queueBudget, releaseBackoff, segmentZeroFirst,"
                        + " staleSubmitting");
        assertThatThrownBy(() -> OperatingLimits.apply(PlannerSettings.DEFAULTS, Map.of("maxRunTime", "90d"),
                "PRODOP_LIMITS")).hasMessage("PRODOP_LIMITS: maxRunTime=90d is refused: maxRunTime is how long a job"
                + " may run before it is stopped (a production may set its own), 1m to 30d");
        assertThatThrownBy(() -> OperatingLimits.apply(PlannerSettings.DEFAULTS, Map.of("segmentZeroFirst", "yes"),
                "x")).hasMessageContaining("segmentZeroFirst=yes is refused: segmentZeroFirst is true or false");
        assertThatThrownBy(() -> OperatingLimits.apply(PlannerSettings.DEFAULTS, Map.of("memoryHolds", "34/x"),
                "x")).hasMessageContaining("memoryHolds=34/x is refused");
    }

    @Test
    void theOperatorsListReadsLikeTheHelmValuesWriteIt() {
        assertThat(OperatingLimits.parseList("queueBudget=20000,memoryHolds=34/0,26, maxRunTime=5d", "PRODOP_LIMITS"))
                .containsExactly(Map.entry("queueBudget", "20000"), Map.entry("memoryHolds", "34/0,26"),
                        Map.entry("maxRunTime", "5d"));
        assertThat(OperatingLimits.parseList("", "PRODOP_LIMITS")).isEmpty();
        assertThatThrownBy(() -> OperatingLimits.parseList("5d", "PRODOP_LIMITS"))
                .hasMessage("PRODOP_LIMITS: '5d' is not key=value, e.g. maxRunTime=5d");
    }
}
