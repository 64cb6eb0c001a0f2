package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.source.GitHttpServer;
import gov.bnl.sphenix.production.source.WorldOverHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A git server that stalls a fetch holds up that refresh only: passes go on with the revision in
 * force, and the new head is applied once the fetch comes back.
 */
class SlowGitServerTest {

    @TempDir
    Path dir;

    @Test
    void aPassCompletesWhileAFetchIsStalled() throws Exception {
        try (WorldOverHttp served = WorldOverHttp.create(dir, 1);
             EngineAssembly assembly = served.world().engineFollowing(served.url(), "mirror-http")) {
            DemoWorld world = served.world();
            GitHttpServer git = served.server();
            Engine engine = assembly.engine();
            world.declare("streaming", "Merge pull request #1: start event building");
            assertThat(engine.refresh().ready()).isTrue();
            assertThat(engine.pass().errors()).isEmpty();
            var declaredCluster = world.declare("cluster", "Merge pull request #2: clustering");

            git.stall();
            CompletableFuture<SourceReport> refresh = CompletableFuture.supplyAsync(() -> call(engine::refresh));
            await().atMost(Duration.ofSeconds(20)).until(() -> git.waiting() > 0);
            CompletableFuture<PassReport> pass = CompletableFuture.supplyAsync(() -> call(engine::pass));

            await().atMost(Duration.ofSeconds(20)).until(pass::isDone);
            assertThat(pass.get().errors()).isEmpty();
            assertThat(pass.get().revision()).as("the pass ran on the revision in force")
                    .isNotEqualTo(java.util.Optional.of(declaredCluster.getName()));
            assertThat(refresh).as("the fetch is still stalled").isNotDone();

            git.release();
            await().atMost(Duration.ofSeconds(30)).until(refresh::isDone);
            assertThat(refresh.get().applied().orElseThrow().commitId()).isEqualTo(declaredCluster.getName());
            assertThat(engine.pass().revision()).contains(declaredCluster.getName());
        }
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
