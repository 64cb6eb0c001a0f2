package gov.bnl.sphenix.production.tools.demo;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.StatusStore;
import gov.bnl.sphenix.production.tools.seed.CatalogSeeder;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.seed.SeedSummary;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.control.SpecFollower;
import gov.bnl.sphenix.production.control.StatusJson;
import gov.bnl.sphenix.production.source.GitSpecSource;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the demo (and the end-to-end tests) run on, made on this machine in one directory:
 * an embedded PostgreSQL holding the DAQ database, the RawdataCatalog, the FileCatalog and the
 * ledger; a synthetic catalog of a few dozen runs; a specs repository started from
 * {@code production-specs/} (rules and product catalogue, no productions yet); the payload scripts
 * the rules name (copies of the stand-in payload); a batch system; and the engine following {@code main}.
 */
public final class DemoWorld implements AutoCloseable {

    /** First run of the demo's synthetic catalog; the demo productions select 66040–66098. */
    public static final int FIRST_RUN = 66_040;
    public static final String PRODUCTIONS = "productions/demo/";

    private final Path root;
    private final Catalogs catalogs;
    private final SpecsWorkspace specs;
    private final BatchSystem batch;
    private final EngineSettings settings;
    private final SeedSummary seeded;
    private final String nameSuffix;
    private Engine engine;

    private DemoWorld(Path root, Catalogs catalogs, SpecsWorkspace specs, BatchSystem batch, EngineSettings settings,
                      SeedSummary seeded, String nameSuffix) {
        this.nameSuffix = nameSuffix;
        this.root = root;
        this.catalogs = catalogs;
        this.specs = specs;
        this.batch = batch;
        this.settings = settings;
        this.seeded = seeded;
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
        Files.createDirectories(root);
        Catalogs catalogs = Catalogs.open(CatalogSettings.embedded().withEmbeddedDataDirectory(root.resolve("postgres")));
        try {
            SeedSummary seeded = new CatalogSeeder(catalogs.daq(), catalogs.rawdata())
                    .seed(new SeedSpec(seed, runs, FIRST_RUN, runs * 120L, SeedSpec.START), false);
            SpecsWorkspace specs = SpecsWorkspace.create(root);
            specs.copyTree(specsDirectory.resolve("rules"), "rules");
            specs.copyTree(specsDirectory.resolve("runlists"), "runlists");
            Files.copy(specsDirectory.resolve(SpecLoader.CATALOGUE), specs.workingCopy().resolve(SpecLoader.CATALOGUE));
            specs.commitAndPush("Import the run3auau rules and the product catalogue");
            Path payloads = installPayloads(specsDirectory, root.resolve("payloads"));
            EngineSettings settings = EngineSettings.under(root.resolve("data"), payloads);
            return new DemoWorld(root, catalogs, specs, batchFactory.apply(root.resolve("data")), settings, seeded,
                    nameSuffix);
        } catch (IOException | SQLException | RuntimeException e) {
            catalogs.close();
            throw e;
        }
    }

    /**
     * The rules name the sPHENIX scripts (run_parallel_streams.sh, ...); on this machine each is the
     * stand-in payload, which needs nothing but bash.
     */
    private static Path installPayloads(Path specsDirectory, Path payloads) throws IOException {
        Files.createDirectories(payloads);
        Path fake = specsDirectory.resolve("payloads/fake_sphenix_job.sh").toAbsolutePath();
        SpecRepository repository = SpecLoader.load(new DirectoryTree(specsDirectory)).repository()
                .orElseThrow(() -> new IOException(specsDirectory + " does not validate; run prodctl validate on it"));
        for (var ruleSet : repository.ruleSets().values()) {
            for (var rule : ruleSet.rules().values()) {
                Path script = payloads.resolve(rule.job().script());
                if (!Files.exists(script)) {
                    Files.copy(fake, script, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return payloads;
    }

    /** Starts (or, after a simulated crash, restarts) the engine on this world. */
    public Engine startEngine(CrashPoint crash, EngineSettings engineSettings) throws IOException {
        if (engine != null) {
            engine.close();
        }
        GitSpecSource source = new GitSpecSource(specs.url(), SpecsWorkspace.BRANCH, root.resolve("git-cache"),
                Optional.empty(), Duration.ofSeconds(30));
        SpecFollower follower = new SpecFollower(source, new ProductionRegistry(catalogs.ledger(), catalogs.retry()),
                Clock.systemUTC());
        engine = EngineAssembly.engine(follower, catalogs, batch, engineSettings, Clock.systemUTC(), crash);
        return engine;
    }

    /**
     * A further engine on this world's catalogs and batch system following {@code specsUrl} (the
     * same repository served another way, e.g. over HTTP), with a git mirror of its own.
     */
    public EngineAssembly engineFollowing(String specsUrl, String mirrorName) throws IOException {
        GitSpecSource source = new GitSpecSource(specsUrl, SpecsWorkspace.BRANCH, root.resolve(mirrorName),
                Optional.empty(), Duration.ofSeconds(30));
        SpecFollower follower = new SpecFollower(source, new ProductionRegistry(catalogs.ledger(), catalogs.retry()),
                Clock.systemUTC());
        return EngineAssembly.sharing(EngineAssembly.engine(follower, catalogs, batch, settings, Clock.systemUTC(), CrashPoint.NONE),
                catalogs, batch, settings);
    }

    public Engine startEngine() throws IOException {
        return startEngine(CrashPoint.NONE, settings);
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
        String text = demoProduction(production).replace("name: demo-" + production + "\n", "name: " + name + "\n");
        specs.write(PRODUCTIONS + production + ".yaml", text);
        return specs.commitAndPush(message);
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
        return StatusJson.readAll(new StatusStore(catalogs.ledger(), catalogs.retry()));
    }

    public Path root() {
        return root;
    }

    public Catalogs catalogs() {
        return catalogs;
    }

    public SpecsWorkspace specs() {
        return specs;
    }

    public BatchSystem batch() {
        return batch;
    }

    public EngineSettings settings() {
        return settings;
    }

    public SeedSummary seeded() {
        return seeded;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        batch.close();
        specs.close();
        catalogs.close();
    }
}
