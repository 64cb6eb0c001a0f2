package gov.bnl.sphenix.production.catalog.readiness;

import java.time.Duration;
import java.util.Objects;

/**
 * Which runs are worth producing: of one runtype, with enough events, long enough. Short test
 * runs and runs stopped after a minute fail these and never become jobs.
 */
public record RunCuts(String runtype, long minEvents, Duration minDuration) {

    public RunCuts {
        Objects.requireNonNull(runtype, "runtype");
        Objects.requireNonNull(minDuration, "minDuration");
        if (minEvents < 0 || minDuration.isNegative()) {
            throw new IllegalArgumentException("cuts are not negative: " + minEvents + " events, " + minDuration);
        }
    }
}
