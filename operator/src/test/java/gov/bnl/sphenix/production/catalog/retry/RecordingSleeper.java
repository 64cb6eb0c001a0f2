package gov.bnl.sphenix.production.catalog.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Remembers the waits asked for instead of waiting: retry tests run in milliseconds. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
    }

    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
