package gov.bnl.sphenix.production.jobcontract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.jobcontract.Worker.JobRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job that cannot do its work says so by its exit code, sphenixprod's, and leaves no output under a final name. */
class JobFailuresTest {

    private static final String SEED = "DST_TRKR_SEED_run3auau_ana523_2025p007_v001";
    private static final String STREAMING = "DST_STREAMING_EVENT_ebdc03_0_run3auau_ana523_nocdbtag_v001";
    private static final Path JOB_A = Worker.script("run3auau", "tracking_code", "run_jobA.sh");
    private static final Path STREAMS = Worker.script("run3auau", "streaming_code", "run_parallel_streams.sh");

    @TempDir
    Path root;

    @Test
    void withoutAShippedInputListADownstreamJobEndsWithNoInputs() {
        Worker worker = new Worker(root);

        JobRun run = worker.run(JOB_A, JobArguments.downstream("DST_TRKR_CLUSTER", "ana523_2025p007_v001", SEED, 3, 10));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(10);
        assertThat(run.output()).contains("no prodop-inputs.txt");
        assertNothingStaged(worker);
    }

    @Test
    void anInputListWithoutFilesIsNoInputsToo() {
        assertCombinerEndsWith(10, worker -> List.of("# nothing chosen", ""));
    }

    @Test
    void aCombinerWithoutItsGl1ListEndsWithWrongInputLists() {
        assertCombinerEndsWith(111, worker -> List.of(worker.input("TPC_ebdc03_physics-00054321-0000.prdf") + " ebdc03"));
    }

    private void assertCombinerEndsWith(int exitCode, Function<Worker, List<String>> shipped) {
        Worker worker = new Worker(root);
        worker.ship(shipped.apply(worker));

        JobRun run = worker.run(STREAMS, JobArguments.combiner("ebdc03,ebdc03:1", "ebdc03", STREAMING, 0, 100));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(exitCode);
        assertNothingStaged(worker);
    }

    @Test
    void tooFewArgumentsAndAMissingPayloadAreSetupErrors() {
        Worker worker = new Worker(root);
        JobArguments job = JobArguments.downstream("DST_TRKR_CLUSTER", "ana523_2025p007_v001", SEED, 3, 10);
        List<String> all = job.vector(worker.outdir, worker.histdir, worker.logdir, worker.payload(JOB_A));
        List<String> broken = job.vector(worker.outdir, worker.histdir, worker.logdir, worker.payload(JOB_A) + ",/nowhere/x");

        JobRun shortCall = Worker.finish(worker.start(command(all.subList(0, 16)), Map.of(), worker.logdir.resolve("short")),
                worker.logdir.resolve("short"));
        JobRun noPayload = Worker.finish(worker.start(command(broken), Map.of(), worker.logdir.resolve("payload")),
                worker.logdir.resolve("payload"));

        assertThat(shortCall.exitCode()).as(shortCall.output()).isEqualTo(2);
        assertThat(noPayload.exitCode()).as(noPayload.output()).isEqualTo(2);
        assertThat(noPayload.output()).contains("/nowhere/x does not exist");
    }

    @Test
    void theStandInRefusesAMacroItDoesNotKnow() {
        Worker worker = new Worker(root);
        Path log = worker.logdir.resolve("unknown");

        JobRun run = Worker.finish(worker.start(List.of(Worker.STANDIN.resolve("root.exe").toString(), "-q", "-b",
                "Fun4All_Unknown.C(10,\"x.root\")"), Map.of(), log), log);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown macro");
    }

    @Test
    void aMacroKilledMidWriteLeavesOnlyTheSegmentsItClosedWholeAndUnderFinalNames() throws Exception {
        Worker worker = new Worker(root);
        worker.ship(List.of(worker.input("GL1_physics_gl1daq-00054321-0000.evt") + " gl1daq",
                worker.input("TPC_ebdc03_physics-00054321-0000.prdf") + " ebdc03"));
        JobArguments job = JobArguments.combiner("ebdc03,ebdc03:1", "ebdc03", STREAMING, 500, 100);
        Process process = worker.start(STREAMS, job, Map.of("ROOT_STANDIN_STALL_AFTER", "2"));
        Path pidFile = worker.scratch.resolve("root.exe.pid");
        JobRun run;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(pidFile) && Files.size(pidFile) > 0);
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            run = Worker.finish(process, worker.logdir.resolve(job.logbase() + ".out"));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(Worker.names(worker.scratch)).as("the third segment was half written")
                .contains(STREAMING + "-00054321-00002.root");
        assertThat(Worker.staged(worker.outdir)).extracting(StagedName::lfn)
                .containsExactly(STREAMING + "-00054321-00000.root", STREAMING + "-00054321-00001.root");
        assertThat(Worker.names(worker.outdir)).as("no partial copy, no marker")
                .allMatch(StagedName::isStaged);
        assertThat(Worker.names(worker.histdir)).isEmpty();
    }

    private static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("bash", JOB_A.toString()));
        command.addAll(arguments);
        return command;
    }

    private static void assertNothingStaged(Worker worker) {
        assertThat(Worker.names(worker.outdir)).isEmpty();
        assertThat(Worker.names(worker.histdir)).isEmpty();
    }
}
