package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00.123Z");
    private static final Instant T1 = Instant.parse("2025-06-01T10:05:00Z");

    private final List<Condition> none = List.of();

    @Test
    void aNewConditionStartsItsTransitionNowInWholeSeconds() {
        List<Condition> conditions = Conditions.set(none, "Ready", "False", ConditionReason.WAITING, "inputs not ready", 3,
                T0);
        assertThat(conditions).isNotEqualTo(none);
        Condition ready = Conditions.find(conditions, "Ready");
        assertThat(ready.lastTransitionTime()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(ready.observedGeneration()).isEqualTo(3L);
        assertThat(ready.reason()).isEqualTo("Waiting");
    }

    @Test
    void theTransitionTimeMovesOnlyWhenTheStatusChanges() {
        List<Condition> first = Conditions.set(none, "Ready", "False", ConditionReason.WAITING, "inputs not ready", 1, T0);
        List<Condition> conditions = Conditions.set(first, "Ready", "False", ConditionReason.WAITING, "still waiting", 2,
                T1);
        assertThat(conditions).isNotEqualTo(first);
        assertThat(Conditions.find(conditions, "Ready").lastTransitionTime()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(Conditions.find(conditions, "Ready").observedGeneration()).isEqualTo(2L);

        conditions = Conditions.set(conditions, "Ready", "True", ConditionReason.PROGRESSING, "jobs running", 2, T1);
        assertThat(Conditions.find(conditions, "Ready").lastTransitionTime()).isEqualTo("2025-06-01T10:05:00Z");
        assertThat(conditions).hasSize(1);
    }

    @Test
    void settingTheSameAgainChangesNothing() {
        List<Condition> conditions = Conditions.set(none, "Stalled", "False", ConditionReason.RECONCILING, "", 1, T0);
        assertThat(Conditions.set(conditions, "Stalled", "False", ConditionReason.RECONCILING, "", 1, T1))
                .isEqualTo(conditions);
    }

    @Test
    void typesAreKeptApartAndStatusesChecked() {
        List<Condition> conditions = Conditions.set(none, Conditions.READY, "True", ConditionReason.APPLIED, "", 1, T0);
        conditions = Conditions.set(conditions, Conditions.PROGRESSING, "True", ConditionReason.PROGRESSING, "", 1, T0);
        assertThat(conditions).extracting(Condition::type).containsExactly("Ready", "Progressing");
        assertThat(Conditions.find(conditions, Conditions.STALLED)).isNull();
        assertThatThrownBy(() -> Conditions.set(none, "Ready", "yes", ConditionReason.APPLIED, "m", 1, T0))
                .hasMessageContaining("True, False or Unknown");
    }

    @Test
    void everyReasonIsOneUpperCamelCaseWord() {
        assertThat(ConditionReason.WAITING_FOR_SOURCE.text()).isEqualTo("WaitingForSource");
        assertThat(ConditionReason.values()).extracting(ConditionReason::text)
                .allMatch(text -> text.matches("[A-Z][A-Za-z]*")).doesNotHaveDuplicates()
                .doesNotContain("ReconcileFailed", "PassFailed");
    }
}
