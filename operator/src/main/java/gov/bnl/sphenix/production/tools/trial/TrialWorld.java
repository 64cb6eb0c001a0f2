package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.seed.SeedSummary;
import gov.bnl.sphenix.production.tools.world.LocalWorld;
import gov.bnl.sphenix.production.tools.world.StandinPayloads;
import gov.bnl.sphenix.production.tools.world.StandinRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The world of one {@code prodctl try}, in one directory (a {@link LocalWorld}): the specs copied
 * into a fresh git repository with the productions to try, each narrowed to a few runs that the
 * synthetic catalog makes ready, committed as the desired state; a catalog whose DAQ streams are
 * those the specs' catalogue declares, the raw files of the tried runs on disk
 * ({@code raw/}); {@code root.exe} for the jobs ({@code standin/}, on their {@code PATH}).
 */
public final class TrialWorld implements AutoCloseable {

    /** First run of the catalog when no production selects runs (a lone rule file). */
    public static final int FIRST_RUN = 66_040;
    /**
     * Runs in the catalog: enough for a few ready runs of each kind (physics, cosmics) after the
     * cuts, and to reach into short run lists; small enough to seed in a second.
     */
    private static final int CATALOG_RUNS = 60;

    private final LocalWorld world;
    private final SeedSummary seeded;
    private final List<Production> productions;
    private final Map<String, ReadyRuns.TriedRuns> runs;

    private TrialWorld(LocalWorld world, SeedSummary seeded, List<Production> productions,
                       Map<String, ReadyRuns.TriedRuns> runs) {
        this.world = world;
        this.seeded = seeded;
        this.productions = List.copyOf(productions);
        this.runs = Map.copyOf(runs);
    }

    /**
     * Builds the world under {@code root} (empty or absent).
     *
     * @param payloads     the project's {@code production-specs/payloads}: the stand-in
     *                     {@code standin/root.exe}, and {@code fake_sphenix_job.sh} for jobs of
     *                     the operator's own contract
     * @param batchFactory makes the batch system, given the directory jobs may write in
     * @throws IllegalArgumentException when the specs do not validate or name no such production
     */
    public static TrialWorld create(Path root, SpecsToTry specs, TrialOptions options, Path payloads,
                                    Function<Path, BatchSystem> batchFactory) throws IOException, SQLException {
        Path standin = root.resolve("standin");
        Path jobPayloads = root.resolve("payloads");
        // a rule placing its files at the facility (filesystem: /sphenix/...) places them below the try instead
        LocalWorld world = LocalWorld.create(root, data -> EngineSettings.under(data, jobPayloads)
                .withRulesRebasedUnder(data.resolve("rule-directories"))
                .withJobEnvironment(Map.of("PATH", StandinRoot.path(standin)))
                .withNeventsCap(options.nevents()), batchFactory);
        try {
            int lastRun = FIRST_RUN + 6 * CATALOG_RUNS;
            List<String> named = specs.fill(world.specs(), FIRST_RUN, lastRun);
            Path work = world.specs().workingCopy();
            SpecRepository repository = load(work);
            ProductionChoice choice = ProductionChoice.of(repository, named);
            // from the latest first run any production selects: every selection then reaches into the catalog
            // unless it ends before that run (a golden list and an open range both find runs)
            int firstRun = choice.productions().stream().map(p -> p.runs().first().orElse(FIRST_RUN))
                    .max(Integer::compare).orElse(FIRST_RUN);
            SeedSummary seeded = world.seed(new SeedSpec(options.seed(), CATALOG_RUNS, firstRun, CATALOG_RUNS,
                    SeedSpec.START), CatalogueStreams.of(repository.catalogue()));
            // most runs are one apart, a few up to five: the catalog's runs lie within six per run
            RunSet catalogRuns = plain(RunSet.range(firstRun, firstRun + 6 * CATALOG_RUNS));
            Map<String, ReadyRuns.TriedRuns> runs = new ReadyRuns(Readiness.of(world.catalogs()), repository.catalogue(),
                    options.runsPerProduction()).of(choice, catalogRuns);
            declare(work, repository, runs, options.nameSuffix());
            RunSet every = runs.values().stream().map(ReadyRuns.TriedRuns::runs).reduce(RunSet.EMPTY, RunSet::union);
            RawFilesOnDisk.make(world.catalogs().rawdata(), every, root.resolve("raw"));
            StandinRoot.install(payloads, standin);
            StandinPayloads.install(work, payloads.resolve("fake_sphenix_job.sh"), jobPayloads);
            world.specs().commitAndPush("Try " + String.join(", ", choice.names()));
            List<Production> tried = load(work).productions().stream()
                    .sorted(Comparator.comparingInt(p -> choice.names().indexOf(unsuffixed(p.name(), options))))
                    .toList();
            Map<String, ReadyRuns.TriedRuns> byName = new LinkedHashMap<>();
            runs.forEach((name, set) -> byName.put(name + options.nameSuffix(), set));
            return new TrialWorld(world, seeded, tried, byName);
        } catch (IOException | SQLException | RuntimeException e) {
            world.close();
            throw e;
        }
    }

    /**
     * The runs without those on which the operator's own stand-in payload ({@code fake_sphenix_job.sh},
     * for jobs of its manifest contract) holds memory or runs for an hour on purpose — numbers ending
     * in 66 and 99: a try should end in minutes. (It fails runs ending in 13, which a try reports.)
     */
    static RunSet plain(RunSet runs) {
        List<Integer> trouble = runs.stream().filter(r -> r % 100 == 66 || r % 100 == 99).boxed().toList();
        return runs.minus(RunSet.runs(trouble));
    }

    private static String unsuffixed(String name, TrialOptions options) {
        return name.substring(0, name.length() - options.nameSuffix().length());
    }

    /** The working copy as the operator will read it; its first error, if any, is the try's. */
    private static SpecRepository load(Path work) {
        ValidationReport report = SpecLoader.load(new DirectoryTree(work));
        return report.repository().orElseThrow(() -> new IllegalArgumentException("the specs do not validate: "
                + report.errors().stream().findFirst().map(Diagnostic::toString).orElse("no production found")
                + " (prodctl validate lists every problem)"));
    }

    /** The chosen productions, narrowed to their runs; the others are not part of the try. */
    private static void declare(Path work, SpecRepository repository, Map<String, ReadyRuns.TriedRuns> runs,
                                String suffix) throws IOException {
        for (Production p : repository.productions()) {
            Path file = work.resolve(p.file());
            if (runs.containsKey(p.name())) {
                Files.writeString(file, ProductionRewrite.rewrite(Files.readString(file), runs.get(p.name()).runs(), suffix));
            } else {
                Files.delete(file);
            }
        }
    }

    /** The tried productions, upstream first, under the names the try declared. */
    public List<Production> productions() {
        return productions;
    }

    /** The runs each production tries, by the name the try declared. */
    public Map<String, ReadyRuns.TriedRuns> runs() {
        return runs;
    }

    public LocalWorld world() {
        return world;
    }

    public SeedSummary seeded() {
        return seeded;
    }

    @Override
    public void close() {
        world.close();
    }
}
