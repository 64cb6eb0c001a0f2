package gov.bnl.sphenix.production.catalog.retry;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs database work again after transient failures (see {@link TransientErrors}), with jittered
 * exponential back-off. Logic errors and the last transient failure are thrown as they are.
 */
public final class Retry {

    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    public Retry(RetryPolicy policy, Sleeper sleeper, DoubleSupplier jitter) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    public static Retry of(RetryPolicy policy) {
        return new Retry(policy, Sleeper.THREAD, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** No retries at all: for tools that would rather fail fast. */
    public static Retry never() {
        return of(new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** Runs {@code work}; {@code what} names it in the log ("readiness DST_CALO", "register 5000 files"). */
    public <T> T call(String what, SqlWork<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException | RuntimeException failure) {
                if (attempt >= policy.maxAttempts() || !TransientErrors.isTransient(failure)) {
                    throw failure;
                }
                Duration wait = policy.delayAfter(attempt, jitter.getAsDouble());
                LOG.warn("{}: transient failure on attempt {} of {} ({}); retrying in {} ms",
                        what, attempt, policy.maxAttempts(), describe(failure), wait.toMillis());
                pause(wait, failure);
            }
        }
    }

    private void pause(Duration wait, Exception cause) throws SQLException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SQLException interrupted = new SQLException("interrupted while waiting to retry", e);
            interrupted.addSuppressed(cause);
            throw interrupted;
        }
    }

    private static String describe(Exception failure) {
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            return "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
        }
        return failure.toString();
    }
}
