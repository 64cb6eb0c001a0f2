package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.deletion.CatalogDeletion;
import gov.bnl.sphenix.production.catalog.deletion.LocalOutputStore;
import gov.bnl.sphenix.production.catalog.files.FileLocations;
import gov.bnl.sphenix.production.catalog.ledger.AuditLog;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.StatusStore;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessMemory;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.control.observe.ProductionOutputs;
import gov.bnl.sphenix.production.control.payload.PayloadShelf;
import gov.bnl.sphenix.production.source.GitSpecSource;
import gov.bnl.sphenix.production.source.SshIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * An engine with everything it runs on: the catalogs, the batch system and the specs repository,
 * opened together and closed together. What {@code prodctl run} and the Kubernetes operator start.
 * The one place that builds the PostgreSQL implementations of the catalog ports ({@link #ports}).
 *
 * @param specsUrl    the specs repository (file://, http(s)://)
 * @param branch      the branch whose head is the desired state
 * @param subdirectory where in the repository the specs are ({@code ""} for the top)
 * @param sourceName  what the source is called in the ledger, which several sources may share;
 *                    empty for the default (repository, branch and sub-directory)
 * @param gitCache    where the repository's mirror is kept between restarts
 * @param credentials user and password (or token) for an https repository that needs them
 * @param ssh         key and known hosts for an ssh repository
 */
public record EngineAssembly(Engine engine, Catalogs catalogs, BatchSystem batch, boolean ownsPorts)
        implements AutoCloseable {

    /** An engine on catalogs and a batch system someone else opened and will close. */
    public static EngineAssembly sharing(Engine engine, Catalogs catalogs, BatchSystem batch) {
        return new EngineAssembly(engine, catalogs, batch, false);
    }

    public static EngineAssembly open(String specsUrl, String branch, String subdirectory, Optional<String> sourceName,
                                      Path gitCache,
                                      Optional<CredentialsProvider> credentials, Optional<SshIdentity> ssh,
                                      CatalogSettings catalogSettings, Supplier<BatchSystem> batchSystem,
                                      EngineSettings settings) throws IOException, SQLException {
        Catalogs catalogs = Catalogs.open(catalogSettings);
        BatchSystem batch = null;
        try {
            batch = batchSystem.get();
            GitSpecSource source = new GitSpecSource(specsUrl, branch, subdirectory, gitCache, credentials, ssh,
                    Duration.ofSeconds(60));
            Clock clock = Clock.systemUTC();
            CatalogPorts ports = ports(catalogs, settings, clock);
            SpecFollower follower = new SpecFollower(source, ports.productions(), clock,
                    sourceName.filter(n -> !n.isBlank()).orElse(source.defaultName()));
            Engine engine = new Engine(follower, ports, batch, settings, clock, CrashPoint.NONE);
            return new EngineAssembly(engine, catalogs, batch, true);
        } catch (IOException | RuntimeException e) {
            if (batch != null) {
                batch.close();
            }
            catalogs.close();
            throw e;
        }
    }

    /**
     * The PostgreSQL implementations of the catalog ports, each built once: the engine, its
     * executor and its harvester share them.
     */
    public static CatalogPorts ports(Catalogs catalogs, EngineSettings settings, Clock clock) {
        Retry retry = catalogs.retry();
        JobLedger ledger = new JobLedger(catalogs.ledger(), retry, clock);
        JobTransitions transitions = new JobTransitions(catalogs.ledger(), retry, clock);
        // the outputs each production has are remembered between passes, refreshed by what this operator writes
        ProductionOutputs outputs = new ProductionOutputs(catalogs.fileCatalog(), retry, clock);
        // readiness remembers between passes, so a pass reads the catalog rows of changed runs only
        Readiness readiness = Readiness.of(catalogs).remembering(new ReadinessMemory(ReadinessMemory.DEFAULT_CANDIDATES));
        return new CatalogPorts(readiness, ledger, transitions, transitions, ledger,
                outputs.watching(new BulkRegistrar(catalogs.fileCatalog(), retry, clock, BulkRegistrar.DEFAULT_BATCH)),
                outputs.watching(new CatalogDeletion(catalogs.fileCatalog(), new LocalOutputStore(deletableTrees(settings)),
                        retry, CatalogDeletion.DEFAULT_BATCH)),
                new FileLocations(catalogs.rawdata(), retry), new FileLocations(catalogs.fileCatalog(), retry),
                outputs, new ProductionRegistry(catalogs.ledger(), retry),
                new StatusStore(catalogs.ledger(), retry), new AuditLog(catalogs.ledger(), retry));
    }

    /**
     * The payload shelf at the settings' payload root, its directories made with the job
     * directories' mode from the process environment (as the batch system's job directories are):
     * where the engine puts each commit's payload for its jobs.
     */
    public static PayloadShelf payloadShelf(EngineSettings settings, Clock clock) {
        return PayloadShelf.fromEnvironment(settings.payloadRoot(), System.getenv(), clock);
    }

    /** An engine on the PostgreSQL catalogs of {@code catalogs}, its ports built here. */
    public static Engine engine(SpecFollower follower, Catalogs catalogs, BatchSystem batch, EngineSettings settings,
                                Clock clock, CrashPoint crash) {
        return new Engine(follower, ports(catalogs, settings, clock), batch, settings, clock, crash);
    }

    @Override
    public void close() {
        engine.close();
        if (ownsPorts) {
            batch.close();
            catalogs.close();
        }
    }

    /**
     * Where cleanup may delete outputs: the final DST and histogram trees, and the further trees the
     * site lets rules place outputs in. Never the staging or log trees.
     */
    private static List<Path> deletableTrees(EngineSettings settings) {
        List<Path> trees = new ArrayList<>(List.of(settings.layout().dstRoot(), settings.layout().histRoot()));
        trees.addAll(settings.layout().ruleRoots());
        return trees;
    }
}
