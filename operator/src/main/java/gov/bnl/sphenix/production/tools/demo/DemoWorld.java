package gov.bnl.sphenix.production.tools.demo;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.tools.seed.DaqStreams;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.seed.SeedSummary;
import gov.bnl.sphenix.production.tools.world.LocalWorld;
import gov.bnl.sphenix.production.tools.world.SpecsWorkspace;
import gov.bnl.sphenix.production.tools.world.StandinPayloads;
import gov.bnl.sphenix.production.tools.world.StandinRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything the demo (and the end-to-end tests) run on, made on this machine in one directory
 * (a {@link LocalWorld}): an embedded PostgreSQL holding the DAQ database, the RawdataCatalog, the
 * FileCatalog and the ledger; a synthetic catalog of a few dozen runs; a specs repository started
 * from {@code production-specs/} (rules and product catalogue, no productions yet); what the jobs
 * run ({@link Payloads}: the rules' own scripts with a stand-in {@code root.exe}, or the stand-in
 * payload under each script's name); a batch system; and the engine following {@code main}.
 */
public final class DemoWorld implements AutoCloseable {

    /** First run of the demo's synthetic catalog; the demo productions select 66040–66098. */
    public static final int FIRST_RUN = 66_040;
    public static final String PRODUCTIONS = "productions/demo/";

    /** What the world's jobs run. */
    public enum Payloads {
        /**
         * The stand-in payload ({@code fake_sphenix_job.sh}) in the operator's contract, under the
         * name of every script the rules name: each production file says {@code contract: operator}.
         */
        STAND_IN,
        /**
         * The rules' own run scripts from the spec commit, in sphenixprod's contract, with the
         * stand-in {@code root.exe}: 25,000 events per raw file, raw files that no DAQ wrote, and
         * trouble by run (a run ending in 66 outgrows a small memory request).
         */
        TODAYS_SCRIPTS
    }

    private final LocalWorld world;
    private final SeedSummary seeded;
    private final String nameSuffix;
    private final Payloads payloads;

    private DemoWorld(LocalWorld world, SeedSummary seeded, String nameSuffix, Payloads payloads) {
        this.world = world;
        this.seeded = seeded;
        this.nameSuffix = nameSuffix;
        this.payloads = payloads;
    }

    /**
     * Builds the world under {@code root} (which must be empty or absent).
     *
     * @param specsDirectory the project's {@code production-specs/}
     * @param batchFactory   makes the batch system, given the directory jobs may write in
     */
    public static DemoWorld create(Path root, Path specsDirectory, int runs, long seed,
                                   Function<Path, BatchSystem> batchFactory) throws IOException, SQLException {
        return create(root, specsDirectory, runs, seed, batchFactory, "");
    }

    /**
     * As {@link #create(Path, Path, int, long, Function)}, with {@code nameSuffix} after every
     * production name: a batch system that outlives the world (a real pool) remembers the jobs of
     * earlier worlds under the same keys, and would hand them to this one.
     */
    public static DemoWorld create(Path root, Path specsDirectory, int runs, long seed,
                                   Function<Path, BatchSystem> batchFactory, String nameSuffix)
            throws IOException, SQLException {
        return create(root, specsDirectory, runs, seed, batchFactory, nameSuffix, Payloads.STAND_IN);
    }

    /** As {@link #create(Path, Path, int, long, Function, String)}, its jobs running {@code jobPayloads}. */
    public static DemoWorld create(Path root, Path specsDirectory, int runs, long seed,
                                   Function<Path, BatchSystem> batchFactory, String nameSuffix, Payloads jobPayloads)
            throws IOException, SQLException {
        Path payloads = root.resolve("payloads");
        Path standin = root.resolve("standin");
        Map<String, String> environment = jobPayloads == Payloads.STAND_IN ? Map.of() : Map.of(
                "PATH", StandinRoot.path(standin), "ROOT_STANDIN_EVENTS_PER_INPUT", "25000",
                "ROOT_STANDIN_RAW_MAY_BE_ABSENT", "1", "ROOT_STANDIN_TROUBLE", "1");
        LocalWorld world = LocalWorld.create(root, data -> EngineSettings.under(data, payloads)
                .withJobEnvironment(environment), batchFactory);
        try {
            if (jobPayloads == Payloads.TODAYS_SCRIPTS) {
                StandinRoot.install(specsDirectory.resolve("payloads"), standin);
            }
            SeedSummary seeded = world.seed(new SeedSpec(seed, runs, FIRST_RUN, runs * 120L, SeedSpec.START),
                    DaqStreams.SPHENIX);
            world.specs().importRulesAndCatalogue(specsDirectory);
            world.specs().commitAndPush("Import the run3auau rules and the product catalogue");
            StandinPayloads.install(specsDirectory, StandinPayloads.of(specsDirectory), payloads);
            return new DemoWorld(world, seeded, nameSuffix, jobPayloads);
        } catch (IOException | SQLException | RuntimeException e) {
            world.close();
            throw e;
        }
    }

    /** Starts (or, after a simulated crash, restarts) the engine on this world. */
    public Engine startEngine(CrashPoint crash, EngineSettings engineSettings) throws IOException {
        return world.startEngine(crash, engineSettings);
    }

    /**
     * A further engine on this world's catalogs and batch system following {@code specsUrl} (the
     * same repository served another way, e.g. over HTTP), with a git mirror of its own.
     */
    public EngineAssembly engineFollowing(String specsUrl, String mirrorName) throws IOException {
        return world.engineFollowing(specsUrl, mirrorName);
    }

    public Engine startEngine() throws IOException {
        return world.startEngine();
    }

    /** Commits one of the demo's production files, as a merged pull request. */
    public org.eclipse.jgit.revwalk.RevCommit declare(String production, String message) throws IOException {
        return declareAs(production, nameOf(production), message);
    }

    /** The name of one of the demo's productions in this world: {@code demo-streaming}, ... */
    public String nameOf(String production) {
        return "demo-" + production + nameSuffix;
    }

    /**
     * Commits one of the demo's production files under another production name: for a batch
     * system that outlives the world (a real pool remembers the jobs of earlier worlds).
     */
    public org.eclipse.jgit.revwalk.RevCommit declareAs(String production, String name, String message)
            throws IOException {
        return declareEdited(production, name, text -> text, message);
    }

    /**
     * Commits one of the demo's production files as {@code edit} changes it (another run range,
     * another memory ladder): for tests that need a story of their own in this world.
     */
    public org.eclipse.jgit.revwalk.RevCommit declareEdited(String production, String name,
                                                            java.util.function.UnaryOperator<String> edit, String message)
            throws IOException {
        String text = edit.apply(demoProduction(production).replace("name: demo-" + production + "\n", "name: " + name + "\n"));
        if (payloads == Payloads.STAND_IN) {
            text = text.replace("\nspec:\n", "\nspec:\n  contract: operator     # the stand-in payload, not the rule's script\n");
        }
        world.specs().write(PRODUCTIONS + production + ".yaml", text);
        return world.specs().commitAndPush(message);
    }

    private static String demoProduction(String production) throws IOException {
        String resource = "productions/" + production + ".yaml";
        try (InputStream in = DemoWorld.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the demo has no production file " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Each production's status as the last pass wrote it. */
    public List<ProductionStanding> statuses() throws SQLException {
        return world.statuses();
    }

    public Path root() {
        return world.root();
    }

    public Catalogs catalogs() {
        return world.catalogs();
    }

    public SpecsWorkspace specs() {
        return world.specs();
    }

    public BatchSystem batch() {
        return world.batch();
    }

    public EngineSettings settings() {
        return world.settings();
    }

    public SeedSummary seeded() {
        return seeded;
    }

    @Override
    public void close() {
        world.close();
    }
}
