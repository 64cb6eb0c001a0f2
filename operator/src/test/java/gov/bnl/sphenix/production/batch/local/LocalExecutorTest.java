package gov.bnl.sphenix.production.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.BatchSystemException;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.spec.Production;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the local executor has to get right: its concurrency limit, its clockwork, its process trees. */
class LocalExecutorTest {

    @TempDir
    Path dir;

    private LocalExecutor executor;

    @AfterEach
    void stop() {
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void noMoreThanMaxRunningJobsRunAtOnce() {
        executor = new LocalExecutor(LocalExecutorScenariosTest.settings().withMaxRunning(2));
        WorkArea work = WorkArea.in(dir, false);
        Production production = BatchFixtures.production("limit");
        executor.submit(work.segments(production, 67999, 5, 512));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(production, BatchState.RUNNING) == 2);
        assertThat(count(production, BatchState.QUEUED)).isEqualTo(3);
        assertThat(executor.health().detail()).contains("5 jobs");
    }

    @Test
    void aJobPastTheMaximumRunTimeIsHeldAndItsProcessesStopped() {
        executor = new LocalExecutor(LocalExecutorScenariosTest.settings()
                .withPolicy(JobPolicy.DEFAULT.withMaxRunTime(Duration.ofSeconds(2))));
        WorkArea work = WorkArea.in(dir, false);
        Production production = BatchFixtures.production("runtime");
        executor.submit(List.of(work.job(production, 67999, 0, 512)));

        BatchJob held = await().atMost(Duration.ofSeconds(30)).until(
                () -> executor.query(production.name()).jobs().get(0), j -> j.state() == BatchState.HELD);

        assertThat(held.hold().orElseThrow().subcode()).isEqualTo(Hold.RUN_TIME_EXCEEDED);
        assertThat(held.hold().orElseThrow().reason()).contains("longer than the maximum of 2 s");
        // SIGKILL is asynchronous: the payload's sleep leaves the process table a moment later
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("sleep 3600")))
                .as("the payload's sleep is gone").isEmpty());
    }

    @Test
    void jobsSeeTheirAllowListNeverTheOperatorsPasswords() throws Exception {
        Map<String, String> operator = new HashMap<>(System.getenv());
        operator.put("PGPASSWORD", "s3cret");
        operator.put("PRODOP_CATALOG_PASSWORD", "s3cret");
        operator.put("FAKE_JOB_SECONDS", "0");
        executor = new LocalExecutor(LocalExecutorScenariosTest.settings(), JobDirectories.withUmask(), operator);
        WorkArea work = WorkArea.in(dir, false);
        Production production = BatchFixtures.production("environment");
        // the payload only writes down what it sees
        Path seen = dir.resolve("payload-environment.txt");
        Path script = work.payloads().resolve(production.rule().job().script());
        Files.writeString(script, "#!/bin/sh\nenv > " + seen + ".partial && mv " + seen + ".partial " + seen + "\n");

        executor.submit(List.of(work.job(production, 67999, 0, 512)));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(seen));
        assertThat(Files.readAllLines(seen)).noneMatch(line -> line.startsWith("PGPASSWORD="))
                .noneMatch(line -> line.startsWith("PRODOP_CATALOG_PASSWORD="))
                .anyMatch(line -> line.startsWith("PATH="))
                .contains("FAKE_JOB_SECONDS=0")
                .anyMatch(line -> line.startsWith("PRODOP_JOB_KEY="));
    }

    @Test
    void aClosedExecutorAnswersUnknownAndRefusesWork() {
        executor = new LocalExecutor(LocalExecutorScenariosTest.settings());
        executor.close();

        assertThat(executor.query("anything").isKnown()).isFalse();
        assertThat(executor.history(Selection.production("anything"), 5).isKnown()).isFalse();
        assertThat(executor.health().reachable()).isFalse();
        assertThatThrownBy(() -> executor.remove(Selection.production("anything"), "x"))
                .isInstanceOf(BatchSystemException.class);
    }

    @Test
    void residentMemoryOfAProcessTreeIsMeasured() {
        assertThat(ResidentMemory.mib(ProcessHandle.current())).as("this JVM").isGreaterThan(10);
        assertThat(ResidentMemory.vmRssKib(Long.MAX_VALUE)).as("a process that does not exist").isZero();
    }

    private long count(Production production, BatchState state) {
        return executor.query(production.name()).jobs().stream().filter(j -> j.state() == state).count();
    }
}
