package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.control.OperatingLimits;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --limit KEY=VALUE}, repeatable: the operating limits of commands that plan (run, plan). */
final class LimitOptions {

    @Option(names = "--limit", paramLabel = "KEY=VALUE", description = {"An operating limit over the defaults,"
            + " repeatable: queueBudget=50000, maxRunTime=3d, maxReleases=3, releaseBackoff=10m, maxRestarts=3,"
            + " memoryHolds=34/0,26, segmentZeroFirst=true, harvestGrace=10m, staleSubmitting=15m (docs/operations.md, Operating limits)."})
    Map<String, String> limits = new LinkedHashMap<>();

    /**
     * The defaults with the limits given.
     *
     * @throws IllegalArgumentException for a word that is not a limit or a value out of its range
     */
    PlannerSettings settings() {
        return OperatingLimits.apply(PlannerSettings.DEFAULTS, limits, "--limit");
    }
}
