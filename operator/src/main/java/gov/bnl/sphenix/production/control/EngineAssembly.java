package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.source.GitSpecSource;
import gov.bnl.sphenix.production.source.SshIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * An engine with everything it runs on: the catalogs, the batch system and the specs repository,
 * opened together and closed together. What {@code prodctl run} and the Kubernetes operator start.
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
            SpecFollower follower = new SpecFollower(source, new ProductionRegistry(catalogs.ledger(), catalogs.retry()),
                    Clock.systemUTC(), sourceName.filter(n -> !n.isBlank()).orElse(source.defaultName()));
            Engine engine = new Engine(follower, catalogs, batch, settings, Clock.systemUTC(), CrashPoint.NONE);
            return new EngineAssembly(engine, catalogs, batch, true);
        } catch (IOException | RuntimeException e) {
            if (batch != null) {
                batch.close();
            }
            catalogs.close();
            throw e;
        }
    }

    @Override
    public void close() {
        engine.close();
        if (ownsPorts) {
            batch.close();
            catalogs.close();
        }
    }
}
