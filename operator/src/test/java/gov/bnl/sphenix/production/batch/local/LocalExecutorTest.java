package gov.bnl.sphenix.production.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.BatchSystemException;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.SphenixprodCall;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the local executor has to get right: its concurrency limit, its clockwork, its process trees. */
class LocalExecutorTest {

    private static final Path HELPERS = RepositoryFiles.root().resolve("operator/src/main/resources/sphenixprod-helpers");
    private static final Path STANDIN = RepositoryFiles.productionSpecs().resolve("payloads/standin");
    private static final Path CALO_CODE = RepositoryFiles.productionSpecs().resolve("rules/run3auau/calo_code");

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

    /**
     * A committed run script in sphenixprod's convention, end to end: the calorimeter fitting script
     * with the helper directory and the stand-in root.exe first on PATH, as a worker would run it.
     */
    @Test
    void theFittingScriptGetsAllEighteenArgumentsAndStagesItsDstWithTheJobsId() throws IOException {
        Map<String, String> operator = new HashMap<>(System.getenv());
        operator.put("PATH", STANDIN + ":" + operator.getOrDefault("PATH", "/usr/bin:/bin"));
        operator.put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
        executor = new LocalExecutor(LocalExecutorScenariosTest.settings(), JobDirectories.withUmask(), operator);
        Production fitting = BatchFixtures.withSubmitOptions(
                BatchFixtures.production("run3auau-calofitting-golden", "fitting"));
        Path input = Files.createDirectories(dir.resolve("data"))
                .resolve("DST_TRIGGERED_EVENT_seb00_run3auau_ana530_nocdbtag_v001-00067962-00007.root");
        Files.writeString(input, "triggered events\n");
        JobSpec job = new JobSpecs(Layout.under(dir), dir.resolve("payloads")).of(fitting,
                new JobSpecs.Request(67962, 7, "", "physics", List.of(input.toString()), "tok-fit", 2048),
                new SphenixprodCall(4711, List.of("DST_TRIGGERED_EVENT_seb00", "DST_TRIGGERED_EVENT_seb01"), 7,
                        payload(), HELPERS));

        executor.submit(List.of(job));

        BatchJob done = await().atMost(Duration.ofSeconds(60)).until(
                () -> executor.history(Selection.production(fitting.name()), 1).jobs(), jobs -> !jobs.isEmpty()).get(0);
        String out = Files.readString(job.files().stdout()) + Files.readString(job.files().stderr());
        assertThat(done.state()).isEqualTo(BatchState.COMPLETED);
        assertThat(done.exitCode()).as(out).hasValue(0);
        String logbase = job.files().stem();
        assertThat(out).as("the prep script read all eighteen arguments")
                .contains("job " + logbase + ": run 67962 segment 7, DST_TRIGGERED_EVENT_seb00,DST_TRIGGERED_EVENT_seb01"
                        + " from run3auau/ana530_nocdbtag_v001, daqhost dummy, inputs dbinput")
                .contains("build ana.530, dbtag 2025p008, nevents 7 (100000 per file), dbid 4711");
        Path outdir = Path.of(job.payload().arguments().get(9));
        assertThat(names(outdir)).anySatisfy(name -> assertThat(name).startsWith(logbase + ".root:nevents:7:")
                .endsWith(":dbid:4711"));
        assertThat(names(outdir)).anySatisfy(name -> assertThat(name).startsWith(logbase + ".finished:"));
        assertThat(names(Path.of(job.payload().arguments().get(10))))
                .anySatisfy(name -> assertThat(name).startsWith("HIST_CALOFITTINGQA_run3auau_ana530_2025p008_v001"
                        + "-00067962-00007.root:"));
        assertThat(names(dir.resolve("tmp"))).as("the job's scratch directory went with it").isEmpty();
        assertThat(executor.health().detail()).contains("not applied here: accounting_group_user, concurrency_limits,"
                + " periodic_hold, periodic_remove, request_xferslots, requirements");
    }

    /** The rule's payload as the spec commit ships it: every file of calo_code. */
    private static List<Path> payload() throws IOException {
        try (Stream<Path> files = Files.list(CALO_CODE)) {
            return files.map(Path::toAbsolutePath).sorted().toList();
        }
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
