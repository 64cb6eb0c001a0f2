package gov.bnl.sphenix.production.batch.local;

import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.BatchSystemScenarios;
import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The batch scenarios against the local executor: parity with the HTCondor pool. */
class LocalExecutorScenariosTest extends BatchSystemScenarios {

    @TempDir
    Path dir;

    private WorkArea work;
    private LocalExecutor executor;

    static LocalSettings settings() {
        return new LocalSettings(2, Duration.ofMillis(100),
                WrapperLaunch.privateCopy(),
                JobPolicy.DEFAULT, Clock.systemUTC());
    }

    @BeforeEach
    void start() {
        work = WorkArea.in(dir.resolve("work"), false);
        executor = new LocalExecutor(settings());
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Override
    protected BatchSystem batch() {
        return executor;
    }

    @Override
    protected WorkArea work() {
        return work;
    }

    @Override
    protected void stopBatchSystem() {
        executor.close();
    }

    @Override
    protected void startBatchSystem() {
        executor = new LocalExecutor(settings());
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(60);
    }

    @Override
    protected boolean queueSurvivesRestart() {
        return false;
    }
}
