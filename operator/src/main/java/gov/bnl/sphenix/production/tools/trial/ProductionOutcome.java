package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.spec.RunSet;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What one production's try came to.
 *
 * @param failed jobs that ended without their outputs: failed, killed or lost
 * @param logs   where its jobs' logs are (a tree by run group and product below it)
 */
public record ProductionOutcome(String production, String dsttype, RunSet runs, long succeeded, long failed,
                                long dst, long hist, Path logs) {

    public ProductionOutcome {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(logs, "logs");
    }

    /** Two lines: what ran and how it ended, then where the logs are. */
    public String describe() {
        return String.format("%s (%s, runs %s): %d jobs succeeded, %d failed; %d DST and %d HIST outputs registered%n"
                + "    logs: %s", production, dsttype, runs, succeeded, failed, dst, hist, logs);
    }
}
