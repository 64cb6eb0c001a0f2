package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00.123Z");
    private static final Instant T1 = Instant.parse("2025-06-01T10:05:00Z");

    private final List<Condition> conditions = new ArrayList<>();

    @Test
    void aNewConditionStartsItsTransitionNowInWholeSeconds() {
        assertThat(Conditions.set(conditions, "Ready", "False", "Waiting", "inputs not ready", 3, T0)).isTrue();
        Condition ready = Conditions.find(conditions, "Ready");
        assertThat(ready.getLastTransitionTime()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(ready.getObservedGeneration()).isEqualTo(3L);
    }

    @Test
    void theTransitionTimeMovesOnlyWhenTheStatusChanges() {
        Conditions.set(conditions, "Ready", "False", "Waiting", "inputs not ready", 1, T0);
        assertThat(Conditions.set(conditions, "Ready", "False", "Waiting", "still waiting", 2, T1)).isTrue();
        assertThat(Conditions.find(conditions, "Ready").getLastTransitionTime()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(Conditions.find(conditions, "Ready").getObservedGeneration()).isEqualTo(2L);

        Conditions.set(conditions, "Ready", "True", "Running", "jobs running", 2, T1);
        assertThat(Conditions.find(conditions, "Ready").getLastTransitionTime()).isEqualTo("2025-06-01T10:05:00Z");
        assertThat(conditions).hasSize(1);
    }

    @Test
    void settingTheSameAgainChangesNothing() {
        Conditions.set(conditions, "Stalled", "False", "Ok", "", 1, T0);
        assertThat(Conditions.set(conditions, "Stalled", "False", "Ok", "", 1, T1)).isFalse();
    }

    @Test
    void typesAreKeptApartAndStatusesChecked() {
        Conditions.set(conditions, Conditions.READY, "True", "Ok", "", 1, T0);
        Conditions.set(conditions, Conditions.PROGRESSING, "True", "Submitting", "", 1, T0);
        assertThat(conditions).extracting(Condition::getType).containsExactly("Ready", "Progressing");
        assertThat(Conditions.find(conditions, Conditions.STALLED)).isNull();
        assertThatThrownBy(() -> Conditions.set(conditions, "Ready", "yes", "r", "m", 1, T0))
                .hasMessageContaining("True, False or Unknown");
    }
}
