package gov.bnl.sphenix.production.catalog.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Back-off arithmetic and the line between transient failures and logic errors. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1_000));

    @Test
    void delaysGrowExponentiallyWithHalfOfEachStepJitteredAndAreCapped() {
        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.delayAfter(1, 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(policy.delayAfter(2, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(3, 0.5)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.delayAfter(10, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(10, 0.999)).isLessThanOrEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void aPolicyNeedsAnAttemptAndOrderedDelays() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionFailuresSerializationFailuresAndShutdownsAreTransient() {
        assertThat(TransientErrors.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLException(
                "canceling statement due to conflict with recovery", "40001"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
        assertThat(TransientErrors.isTransient(new SQLException("wrapped", null, new ConnectException("refused")))).isTrue();
        assertThat(TransientErrors.isTransient(new RuntimeException(new SocketException("Connection reset")))).isTrue();
    }

    @Test
    void logicErrorsAreNot() {
        assertThat(TransientErrors.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientErrors.isTransient(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(TransientErrors.isTransient(new SQLException("canceling statement due to statement timeout", "57014")))
                .as("a timeout says the query is too slow; running it again will not help").isFalse();
        assertThat(TransientErrors.isTransient(new SQLException("no state"))).isFalse();
        assertThat(TransientErrors.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
