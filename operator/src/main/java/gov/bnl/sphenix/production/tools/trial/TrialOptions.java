package gov.bnl.sphenix.production.tools.trial;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a try runs.
 *
 * @param runsPerProduction ready runs each production made from raw data tries (downstream ones follow)
 * @param nevents           an event cap for every job, or none
 * @param nameSuffix        appended to every production name (a pool that outlives the try
 *                          remembers earlier tries' jobs under the same keys); empty locally
 * @param seed              seed of the synthetic catalog
 */
public record TrialOptions(int runsPerProduction, OptionalInt nevents, String nameSuffix, long seed) {

    public TrialOptions {
        if (runsPerProduction < 1) {
            throw new IllegalArgumentException("--runs is at least 1, not " + runsPerProduction);
        }
        Objects.requireNonNull(nevents, "nevents");
        if (nevents.isPresent() && nevents.getAsInt() < 1) {
            throw new IllegalArgumentException("--nevents is at least 1, not " + nevents.getAsInt());
        }
        Objects.requireNonNull(nameSuffix, "nameSuffix");
    }
}
