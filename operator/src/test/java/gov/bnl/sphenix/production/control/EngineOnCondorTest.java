package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.condor.MiniCondorPool;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.tools.demo.DuplicateCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine's story on a real HTCondor pool ({@code scripts/minicondor.sh up}): a merged
 * production runs to completion through condor_submit, the queue, the job wrapper on the
 * workers and the harvest; a revert removes a running production's jobs with condor_rm.
 */
@Tag("condor")
class EngineOnCondorTest {

    /** Unique per test: the pool's history outlives the world, and an old job of the same key would be adopted. */
    private final String STREAMING = "demo-streaming-" + UUID.randomUUID().toString().substring(0, 8);

    private Path root;
    private DemoWorld world;
    private Engine engine;

    @BeforeEach
    void buildWorld() throws Exception {
        MiniCondorPool.requireUp();
        root = MiniCondorPool.share().resolve("engine-" + UUID.randomUUID());
        WrapperLaunch wrapper = WrapperLaunch.in(root.resolve("worker-lib"));
        LocalPool.openToPoolJobs(root.resolve("world"));
        CondorSettings settings = MiniCondorPool.settings(wrapper);
        world = DemoWorld.create(root.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7,
                data -> new CondorBatchSystem(settings, JobDirectories.worldWritable()));
        engine = world.startEngine();
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (world != null) {
            world.batch().remove(Selection.production(STREAMING), "test over");
            world.close();
        }
        RepositoryFiles.deleteTree(root);
    }

    @Test
    void aMergedProductionRunsToCompletionOnThePool() throws Exception {
        world.declareAs("streaming", STREAMING, "Merge pull request #1: start event building");

        PassReport last = passUntil(r -> r.status(STREAMING).map(s -> s.state() == ProductionStanding.State.COMPLETE)
                .orElse(false), Duration.ofMinutes(5));

        ProductionStanding status = last.status(STREAMING).orElseThrow();
        assertThat(status.count(Tally.SUCCEEDED)).isPositive();
        assertThat(status.count(Tally.FAILED)).isZero();
        assertThat(status.outputsRegistered()).isEqualTo(status.count(Tally.SUCCEEDED));
        assertThat(CatalogFiles.missingOnDisk(world.catalogs().fileCatalog())).isEmpty();
        assertThat(DuplicateCheck.count(everyJob(), Instant.now())).isZero();
    }

    @Test
    void aRevertRemovesTheRunningProductionsJobsFromThePool() throws Exception {
        RevCommit start = world.declareAs("streaming", STREAMING, "Merge pull request #1: start event building");
        passUntil(r -> r.status(STREAMING).map(s -> s.submittingOrQueued() + s.count(Tally.RUNNING) > 0).orElse(false),
                Duration.ofMinutes(2));

        world.specs().revertAndPush(start);
        passUntil(r -> r.status(STREAMING).isEmpty(), Duration.ofMinutes(2));

        assertThat(world.batch().query(STREAMING).jobs()).noneMatch(BatchJob::isLive);
    }

    private PassReport passUntil(Predicate<PassReport> done, Duration timeout) {
        return Passes.until(engine, done, timeout, Duration.ofSeconds(1));
    }

    private List<BatchJob> everyJob() {
        List<BatchJob> jobs = new ArrayList<>(world.batch().query(STREAMING).jobs());
        jobs.addAll(world.batch().history(Selection.production(STREAMING), 10_000).jobs());
        return jobs;
    }
}
