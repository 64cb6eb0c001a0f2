package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Runs engine passes, each after a refresh, until a pass report shows what a test waits for. */
public final class Passes {

    private Passes() {
    }

    /** The report of the pass that satisfied {@code done}; every pass on the way must be free of errors. */
    public static PassReport until(Engine engine, Predicate<PassReport> done, Duration timeout, Duration poll) {
        AtomicReference<PassReport> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(poll).until(() -> {
            engine.refresh();
            PassReport report = engine.pass();
            assertThat(report.errors()).as("pass errors").isEmpty();
            last.set(report);
            return done.test(report);
        });
        return last.get();
    }
}
