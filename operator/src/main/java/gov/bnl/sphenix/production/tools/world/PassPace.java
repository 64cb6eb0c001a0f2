package gov.bnl.sphenix.production.tools.world;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The pace of a tool that runs engine passes in a loop (the demo, a try): an interval between
 * passes, an overall timeout, and a way to stop it from another thread (a shutdown hook) that
 * takes effect between passes.
 */
public final class PassPace {

    private final Duration interval;
    private final Duration timeout;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Instant deadline;

    public PassPace(Duration interval, Duration timeout) {
        this.interval = interval;
        this.timeout = timeout;
    }

    /** Starts the clock of the timeout. */
    public void start() {
        deadline = Instant.now().plus(timeout);
    }

    /** True once the timeout has passed since {@link #start}. */
    public boolean overdue() {
        return Instant.now().isAfter(deadline);
    }

    /**
     * Waits for the interval.
     *
     * @throws InterruptedException when {@link #stop} was called
     */
    public void pause(String what) throws InterruptedException {
        if (stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException(what + " was stopped");
        }
    }

    /** Asks the loop to stop after its current pass. */
    public void stop() {
        stop.countDown();
    }

    public Duration timeout() {
        return timeout;
    }
}
