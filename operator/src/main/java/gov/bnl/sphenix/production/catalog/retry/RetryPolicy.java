package gov.bnl.sphenix.production.catalog.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently to retry: up to {@code maxAttempts} runs in all, waiting an
 * exponentially growing, jittered time between them, capped at {@code maxDelay}.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));

    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay, got " + firstDelay + ", " + maxDelay);
        }
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}. Half of the exponential step is fixed
     * and half is random ({@code unit} in [0, 1)): many operator replicas or jobs hitting the same
     * failing server spread out instead of retrying in lock step, yet no wait collapses to zero.
     */
    public Duration delayAfter(int failedAttempts, double unit) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("delays follow a failed attempt, got " + failedAttempts);
        }
        long first = firstDelay.toMillis();
        long ceiling = maxDelay.toMillis();
        long step = first;
        for (int i = 1; i < failedAttempts && step < ceiling; i++) {
            step *= 2;
        }
        step = Math.min(step, ceiling);
        long half = step / 2;
        return Duration.ofMillis(half + (long) (unit * (step - half)));
    }
}
