package gov.bnl.sphenix.production.catalog.retry;

import java.time.Duration;

/** Waits between attempts. Injected so that tests can record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
