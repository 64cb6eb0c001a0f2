package gov.bnl.sphenix.production.control.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.batch.wrapper.JobWrapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded retry of infrastructure failures, over many exit codes, attempts and bounds. */
class InfrastructureRetryTest {

    private static final List<Integer> INFRASTRUCTURE = List.of(JobWrapper.EXIT_OUTPUTS_FAILED, JobWrapper.EXIT_INPUTS_UNREADABLE);

    @Test
    void anInfrastructureFailureIsSubmittedAgainExactlyUntilTheLastAttempt() {
        Random random = new Random(20261203);
        for (int i = 0; i < 10_000; i++) {
            int max = 1 + random.nextInt(6);
            int attempt = 1 + random.nextInt(10);
            int code = INFRASTRUCTURE.get(random.nextInt(INFRASTRUCTURE.size()));

            InfrastructureRetry.Verdict verdict = new InfrastructureRetry(max).decide(code, "disk full", attempt);

            assertThat(verdict.resubmit()).as("attempt %d of %d", attempt, max).isEqualTo(attempt < max);
            assertThat(verdict.reason()).contains("exit code " + code, "disk full", "attempt " + attempt);
        }
    }

    @Test
    void aJobGetsAtMostTheBoundInAll() {
        for (int max = 1; max <= 5; max++) {
            InfrastructureRetry retry = new InfrastructureRetry(max);
            int attempts = 1;
            while (retry.decide(JobWrapper.EXIT_OUTPUTS_FAILED, null, attempts).resubmit()) {
                attempts++;
            }
            assertThat(attempts).isEqualTo(max);
        }
    }

    @Test
    void everyOtherExitCodeFailsAtOnce() {
        for (int code = 1; code < 256; code++) {
            if (INFRASTRUCTURE.contains(code)) {
                continue;
            }
            InfrastructureRetry.Verdict verdict = new InfrastructureRetry(5).decide(code, null, 1);
            assertThat(verdict.resubmit()).as("exit code %d", code).isFalse();
            assertThat(verdict.reason()).isEqualTo("exit code " + code);
        }
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new InfrastructureRetry(0)).hasMessageContaining("at least one attempt");
    }
}
