package gov.bnl.sphenix.production.source;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;

/**
 * A demo world (catalogs, ledger, specs repository, local executor) whose specs repository is
 * also served over HTTP, the way the operator's tests reach it.
 */
public final class WorldOverHttp implements AutoCloseable {

    private final DemoWorld world;
    private final Git shared;
    private final GitHttpServer server;

    private WorldOverHttp(DemoWorld world, Git shared, GitHttpServer server) {
        this.world = world;
        this.shared = shared;
        this.server = server;
    }

    /** The world under {@code dir}/world, its jobs run {@code maxRunning} at a time. */
    public static WorldOverHttp create(Path dir, int maxRunning) throws Exception {
        DemoWorld world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(maxRunning)));
        Git shared = Git.open(dir.resolve("world/specs.git").toFile());
        return new WorldOverHttp(world, shared, new GitHttpServer(shared.getRepository()));
    }

    public DemoWorld world() {
        return world;
    }

    public GitHttpServer server() {
        return server;
    }

    /** The specs repository's HTTP URL. */
    public String url() {
        return server.url("specs.git");
    }

    @Override
    public void close() {
        server.close();
        shared.close();
        world.close();
    }
}
