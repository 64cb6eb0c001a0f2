package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one engine needs to know beyond its ports.
 *
 * @param layout           where outputs, histograms and logs live for good
 * @param stagingRoot      where jobs publish their outputs; the harvester moves them into {@code layout}
 *                         only once they are catalogued, so a file in the final tree is always catalogued
 *                         (or about to be, within one harvest batch)
 * @param payloadDirectory where the rules' scripts are installed on the workers
 * @param payloadRoot      the payload shelf: each spec commit's payload files and the worker-side
 *                         helpers, on a file system the workers mount ({@code control.payload.PayloadShelf})
 * @param storage          the FileCatalog's {@code full_host_name} of the final tree ({@code lustre})
 * @param planner          the planner's knobs
 * @param harvestBatch     finished jobs registered per FileCatalog transaction
 * @param historyLimit     jobs read from the batch system's history per production and pass (one
 *                         read per schedd, of at most this many jobs times the productions read)
 * @param infrastructureAttempts attempts in all a job gets when it keeps ending with one of the
 *                         wrapper's infrastructure exit codes (outputs not published, inputs not
 *                         readable) before it fails; 1 fails it at once
 * @param jobEnvironment   variables every job gets (either convention) on top of the
 *                         batch system's (only those {@code batch.ChildEnvironment.JOBS} allows):
 *                         a testbed's {@code PATH} to a stand-in {@code root.exe}, for instance
 * @param neventsCap       the most events any job may process (its {@code nevents} argument), for a
 *                         test pass over many productions; empty: each rule's own {@code nevents}
 */
public record EngineSettings(Layout layout, Path stagingRoot, Path payloadDirectory, Path payloadRoot, String storage,
                             PlannerSettings planner, int harvestBatch, int historyLimit, int infrastructureAttempts,
                             Map<String, String> jobEnvironment, OptionalInt neventsCap) {

    /** Attempts a job gets when the worker's surroundings, not its payload, failed it. */
    public static final int DEFAULT_INFRASTRUCTURE_ATTEMPTS = 3;

    public EngineSettings {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(stagingRoot, "stagingRoot");
        Objects.requireNonNull(payloadDirectory, "payloadDirectory");
        Objects.requireNonNull(payloadRoot, "payloadRoot");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(planner, "planner");
        if (harvestBatch < 1 || historyLimit < 1) {
            throw new IllegalArgumentException("harvest batch and history limit must be positive");
        }
        if (infrastructureAttempts < 1) {
            throw new IllegalArgumentException("a job gets at least one attempt, not " + infrastructureAttempts);
        }
        jobEnvironment = Map.copyOf(jobEnvironment);
        Objects.requireNonNull(neventsCap, "neventsCap");
        if (neventsCap.isPresent() && neventsCap.getAsInt() < 1) {
            throw new IllegalArgumentException("an event cap is at least 1, not " + neventsCap.getAsInt());
        }
    }

    public EngineSettings(Layout layout, Path stagingRoot, Path payloadDirectory, Path payloadRoot, String storage,
                          PlannerSettings planner, int harvestBatch, int historyLimit, int infrastructureAttempts) {
        this(layout, stagingRoot, payloadDirectory, payloadRoot, storage, planner, harvestBatch, historyLimit,
                infrastructureAttempts, Map.of(), OptionalInt.empty());
    }

    /** Settings whose payload shelf is {@link #defaultPayloadRoot next to the staging root}. */
    public EngineSettings(Layout layout, Path stagingRoot, Path payloadDirectory, String storage, PlannerSettings planner,
                          int harvestBatch, int historyLimit, int infrastructureAttempts) {
        this(layout, stagingRoot, payloadDirectory, defaultPayloadRoot(stagingRoot), storage, planner, harvestBatch,
                historyLimit, infrastructureAttempts);
    }

    public EngineSettings(Layout layout, Path stagingRoot, Path payloadDirectory, String storage, PlannerSettings planner,
                          int harvestBatch, int historyLimit) {
        this(layout, stagingRoot, payloadDirectory, storage, planner, harvestBatch, historyLimit,
                DEFAULT_INFRASTRUCTURE_ATTEMPTS);
    }

    /**
     * Everything under one directory: {@code dst/}, {@code hist/}, {@code log/}, {@code staging/}
     * and the payload shelf {@code payloads/}.
     */
    public static EngineSettings under(Path root, Path payloadDirectory) {
        return new EngineSettings(Layout.under(root), root.resolve("staging"), payloadDirectory, "lustre",
                PlannerSettings.DEFAULTS, 500, 10_000);
    }

    /**
     * {@code payloads/} beside the staging root: in the directory of the job trees the workers
     * already mount ({@code <work>/data/payloads} by default).
     */
    public static Path defaultPayloadRoot(Path stagingRoot) {
        Path parent = stagingRoot.toAbsolutePath().normalize().getParent();
        return (parent == null ? stagingRoot.toAbsolutePath() : parent).resolve("payloads");
    }

    public EngineSettings withPlanner(PlannerSettings newPlanner) {
        return new EngineSettings(layout, stagingRoot, payloadDirectory, payloadRoot, storage, newPlanner, harvestBatch,
                historyLimit, infrastructureAttempts, jobEnvironment, neventsCap);
    }

    public EngineSettings withInfrastructureAttempts(int attempts) {
        return new EngineSettings(layout, stagingRoot, payloadDirectory, payloadRoot, storage, planner, harvestBatch,
                historyLimit, attempts, jobEnvironment, neventsCap);
    }

    public EngineSettings withPayloadRoot(Path root) {
        return new EngineSettings(layout, stagingRoot, payloadDirectory, root, storage, planner, harvestBatch,
                historyLimit, infrastructureAttempts, jobEnvironment, neventsCap);
    }

    public EngineSettings withJobEnvironment(Map<String, String> environment) {
        return new EngineSettings(layout, stagingRoot, payloadDirectory, payloadRoot, storage, planner, harvestBatch,
                historyLimit, infrastructureAttempts, environment, neventsCap);
    }

    /** The same settings, letting rules' {@code filesystem} blocks place files below these trees too. */
    public EngineSettings withRuleRoots(List<Path> roots) {
        return new EngineSettings(layout.withRuleRoots(roots), stagingRoot, payloadDirectory, payloadRoot, storage,
                planner, harvestBatch, historyLimit, infrastructureAttempts, jobEnvironment, neventsCap);
    }

    /** The same settings, every rule directory moved below {@code base}: a testbed's ({@link Layout#rebase()}). */
    public EngineSettings withRulesRebasedUnder(Path base) {
        return new EngineSettings(layout.withRulesRebasedUnder(base), stagingRoot, payloadDirectory, payloadRoot,
                storage, planner, harvestBatch, historyLimit, infrastructureAttempts, jobEnvironment, neventsCap);
    }

    public EngineSettings withNeventsCap(OptionalInt cap) {
        return new EngineSettings(layout, stagingRoot, payloadDirectory, payloadRoot, storage, planner, harvestBatch,
                historyLimit, infrastructureAttempts, jobEnvironment, cap);
    }

    /**
     * Jobs write into a tree shaped like the final one, under the staging root; logs go straight to
     * their place. A rule may place its staging directory anywhere the final layout may write too
     * (sphenixprod's {@code outdir} is its final directory by default).
     */
    public Layout stagingLayout() {
        return new Layout(stagingRoot.resolve("dst"), layout.logRoot(), stagingRoot.resolve("hist"), layout.roots(),
                Optional.empty(), layout.rebase());
    }

    /** Where this production's jobs write, as its rule places them. */
    public Layout stagingLayout(Production production) {
        return production.placedIn(stagingLayout(), Layout.Role.STAGING);
    }

    /**
     * A job's stdout, stderr and batch log, as its production's rule placed them; in the site's
     * tree when the rule's directories are no longer the site's (an event still names a place to look).
     */
    public JobFiles jobFiles(Production production, OutputFile dst) {
        String runtype = production.rule().params().physicsmode();
        Layout placed;
        try {
            placed = layout(production);
        } catch (IllegalArgumentException e) {
            placed = layout;
        }
        return new JobFiles(placed.logDirectory(dst, runtype), dst.stem(), placed.batchLogPath(dst, runtype));
    }

    /** Where this production's outputs, histograms and logs live for good, as its rule places them. */
    public Layout layout(Production production) {
        return production.placedIn(layout, Layout.Role.FINAL);
    }
}
