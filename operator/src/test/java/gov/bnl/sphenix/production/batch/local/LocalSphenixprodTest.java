package gov.bnl.sphenix.production.batch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.SphenixprodCall;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
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

/**
 * A committed run script in sphenixprod's convention, end to end on the local executor: the
 * calorimeter fitting script with the helper directory and the stand-in root.exe, as a worker
 * would run it.
 */
class LocalSphenixprodTest {

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
