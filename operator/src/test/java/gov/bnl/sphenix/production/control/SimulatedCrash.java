package gov.bnl.sphenix.production.control;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The operator dying at a step of a protocol. An {@link Error}, so that no {@code catch} of the
 * engine (which catches {@code SQLException}, {@code IOException} and the batch system's runtime
 * exceptions to report a stalled pass) can swallow it and carry on: the pass stops right there, as
 * it would if the process were killed.
 */
final class SimulatedCrash extends Error {

    private static final long serialVersionUID = 1L;

    private final CrashPoint.Step step;

    SimulatedCrash(CrashPoint.Step step) {
        super("simulated crash at " + step, null, false, false);
        this.step = step;
    }

    CrashPoint.Step step() {
        return step;
    }

    /** A crash point that crashes the first time {@code step} is reached, and never again. */
    static CrashPoint once(CrashPoint.Step step) {
        Objects.requireNonNull(step, "step");
        AtomicBoolean fired = new AtomicBoolean();
        return reached -> {
            if (reached == step && fired.compareAndSet(false, true)) {
                throw new SimulatedCrash(step);
            }
        };
    }
}
