package gov.bnl.sphenix.production.tools.world;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.StatusStore;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.control.SpecFollower;
import gov.bnl.sphenix.production.control.StatusJson;
import gov.bnl.sphenix.production.source.GitSpecSource;
import gov.bnl.sphenix.production.tools.seed.CatalogSeeder;
import gov.bnl.sphenix.production.tools.seed.DaqStreams;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.seed.SeedSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Production on this machine in one directory, for the demo, {@code prodctl try} and the
 * end-to-end tests: an embedded PostgreSQL ({@code postgres/}) holding the DAQ database, the
 * RawdataCatalog, the FileCatalog and the ledger, seeded with a synthetic catalog; an empty specs
 * repository ({@code specs.git}, worked on in {@code specs-work/}); a batch system whose jobs write
 * under {@code data/}; and the engine following {@code main}. What goes into the specs repository
 * is the caller's.
 */
public final class LocalWorld implements AutoCloseable {

    private final Path root;
    private final Catalogs catalogs;
    private final SpecsWorkspace specs;
    private final BatchSystem batch;
    private final EngineSettings settings;
    private Engine engine;

    private LocalWorld(Path root, Catalogs catalogs, SpecsWorkspace specs, BatchSystem batch, EngineSettings settings) {
        this.root = root;
        this.catalogs = catalogs;
        this.specs = specs;
        this.batch = batch;
        this.settings = settings;
    }

    /**
     * Builds the world under {@code root} (which must be empty or absent), its catalog still empty.
     *
     * @param settings     the engine's settings, given the world's data directory
     * @param batchFactory makes the batch system, given the directory jobs may write in
     */
    public static LocalWorld create(Path root, Function<Path, EngineSettings> settings,
                                    Function<Path, BatchSystem> batchFactory) throws IOException, SQLException {
        Files.createDirectories(root);
        Catalogs catalogs = Catalogs.open(CatalogSettings.embedded().withEmbeddedDataDirectory(root.resolve("postgres")));
        try {
            SpecsWorkspace specs = SpecsWorkspace.create(root);
            Path data = root.resolve("data");
            return new LocalWorld(root, catalogs, specs, batchFactory.apply(data), settings.apply(data));
        } catch (IOException | RuntimeException e) {
            catalogs.close();
            throw e;
        }
    }

    /** Fills the DAQ database and the RawdataCatalog with a synthetic catalog of {@code streams}. */
    public SeedSummary seed(SeedSpec seed, DaqStreams streams) throws SQLException {
        return new CatalogSeeder(catalogs.daq(), catalogs.rawdata()).seed(seed, streams, false);
    }

    /** Starts (or, after a simulated crash, restarts) the engine on this world. */
    public Engine startEngine(CrashPoint crash, EngineSettings engineSettings) throws IOException {
        if (engine != null) {
            engine.close();
        }
        engine = EngineAssembly.engine(follower(specs.url(), "git-cache"), catalogs, batch, engineSettings,
                Clock.systemUTC(), crash);
        return engine;
    }

    public Engine startEngine() throws IOException {
        return startEngine(CrashPoint.NONE, settings);
    }

    /**
     * A further engine on this world's catalogs and batch system following {@code specsUrl} (the
     * same repository served another way, e.g. over HTTP), with a git mirror of its own.
     */
    public EngineAssembly engineFollowing(String specsUrl, String mirrorName) throws IOException {
        return EngineAssembly.sharing(EngineAssembly.engine(follower(specsUrl, mirrorName), catalogs, batch, settings,
                Clock.systemUTC(), CrashPoint.NONE), catalogs, batch);
    }

    private SpecFollower follower(String specsUrl, String mirrorName) throws IOException {
        GitSpecSource source = new GitSpecSource(specsUrl, SpecsWorkspace.BRANCH, root.resolve(mirrorName),
                Optional.empty(), Duration.ofSeconds(30));
        return new SpecFollower(source, new ProductionRegistry(catalogs.ledger(), catalogs.retry()), Clock.systemUTC());
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
