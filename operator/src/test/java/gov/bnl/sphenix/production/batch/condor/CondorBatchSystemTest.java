package gov.bnl.sphenix.production.batch.condor;

import gov.bnl.sphenix.production.RepositoryFiles;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.BatchSystemScenarios;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The batch scenarios against a real HTCondor pool ({@code scripts/minicondor.sh up}). */
@Tag("condor")
class CondorBatchSystemTest extends BatchSystemScenarios {

    private static Path root;
    private static WorkArea work;
    private static CondorBatchSystem condor;

    @BeforeAll
    static void pool() {
        if (!MiniCondorPool.available()) {
            return;
        }
        root = MiniCondorPool.share().resolve("tests-" + UUID.randomUUID());
        work = WorkArea.in(root, true);
        WrapperLaunch wrapper = WrapperLaunch.in(root.resolve("worker-lib"));
        condor = new CondorBatchSystem(MiniCondorPool.settings(wrapper), JobDirectories.worldWritable());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (condor != null) {
            condor.close();
        }
        RepositoryFiles.deleteTree(root);
    }

    @BeforeEach
    void needsThePool() {
        MiniCondorPool.requireUp();
    }

    @Override
    protected BatchSystem batch() {
        return condor;
    }

    @Override
    protected WorkArea work() {
        return work;
    }

    @Override
    protected void stopBatchSystem() {
        MiniCondorPool.admin("condor_off", "-daemon", "schedd");
        await().atMost(Duration.ofSeconds(30)).until(() -> !condor.health().reachable());
    }

    @Override
    protected void startBatchSystem() {
        MiniCondorPool.admin("condor_on", "-daemon", "schedd");
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(90);
    }

    @Override
    protected boolean queueSurvivesRestart() {
        return true;
    }
}
