package gov.bnl.sphenix.production.jobcontract;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.jobcontract.Worker.JobRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stageout.sh on its own: the name it gives, where its event counts come from, its exit codes. */
class StageoutTest {

    private static final String LFN = "DST_TRKR_SEED_run3auau_ana523_2025p007_v001-00054321-00003.root";

    @TempDir
    Path root;

    @Test
    void theStagedNameCarriesTheSidecarsEventsAndTheFilesChecksumSizeAndId() {
        Worker worker = new Worker(root);
        Path file = worker.scratch.resolve(LFN);
        Worker.write(file, "x".repeat(1234));
        Worker.write(worker.scratch.resolve(LFN + ".events"), "nevents=250\nfirst=750\nlast=999\n");
        String md5 = Worker.md5(file);

        JobRun run = stageout(worker, Map.of(), LFN, worker.outdir.toString(), "4711");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Worker.staged(worker.outdir)).singleElement().satisfies(staged -> {
            assertThat(staged).extracting(StagedName::lfn, StagedName::nevents, StagedName::first, StagedName::last,
                    StagedName::md5, StagedName::size, StagedName::dbid).containsExactly(LFN, 250L, 750L, 999L, md5, 1234L, 4711L);
            assertThat(staged.ctime()).isPositive();
        });
        assertThat(Worker.names(worker.scratch)).as("the file and its sidecar leave the scratch directory").isEmpty();
        assertThat(Worker.names(worker.outdir)).as("no temporary copy is left").hasSize(1);
    }

    @Test
    void withoutASidecarTheNamedCounterCountsAndTheIdFallsBackToTheJobs() {
        Worker worker = new Worker(root);
        Worker.write(worker.scratch.resolve(LFN), "content");
        Path counter = worker.scratch.getParent().resolve("count-events.sh");
        Worker.write(counter, "#!/bin/sh\necho \"counting $1\"\necho 42\necho 0\necho 41\n");
        assertThat(counter.toFile().setExecutable(true)).isTrue();

        JobRun run = stageout(worker, Map.of("PRODOP_EVENT_COUNTER", counter.toString(), "PRODDB_DBID", "77"),
                LFN, worker.outdir.toString(), "0");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Worker.staged(worker.outdir)).singleElement()
                .extracting(StagedName::nevents, StagedName::first, StagedName::last, StagedName::dbid)
                .containsExactly(42L, 0L, 41L, 77L);
    }

    @Test
    void withNeitherTheEventsAreUnknownAndTheDestinationIsCreated() {
        Worker worker = new Worker(root);
        Worker.write(worker.scratch.resolve(LFN), "content");
        Path destination = worker.outdir.resolve("new/run54321");

        JobRun run = stageout(worker, Map.of(), LFN, destination.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Worker.staged(destination)).singleElement()
                .extracting(StagedName::nevents, StagedName::first, StagedName::last, StagedName::dbid)
                .containsExactly(-1L, -1L, -1L, -1L);
    }

    @Test
    void aMissingFileAndABadCallEndWithSphenixprodsCodes() {
        Worker worker = new Worker(root);

        assertThat(stageout(worker, Map.of(), "absent.root", worker.outdir.toString()).exitCode()).isEqualTo(30);
        assertThat(stageout(worker, Map.of(), "only-one-argument").exitCode()).isEqualTo(2);
        assertThat(Worker.names(worker.outdir)).isEmpty();
    }

    @Test
    void aDestinationThatCannotBeMadeIsACopyFailure() throws Exception {
        Worker worker = new Worker(root);
        Worker.write(worker.scratch.resolve(LFN), "content");
        Path blocker = worker.outdir.resolve("taken");
        Files.writeString(blocker, "a file where the destination directory should be");

        JobRun run = stageout(worker, Map.of(), LFN, blocker.resolve("sub").toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(31);
        assertThat(Worker.names(worker.scratch)).as("the output stays for a retry").containsExactly(LFN);
    }

    private static JobRun stageout(Worker worker, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Worker.HELPERS.resolve("stageout.sh").toString()));
        command.addAll(List.of(arguments));
        Path log = worker.logdir.resolve("stageout-" + System.nanoTime() + ".out");
        return Worker.finish(worker.start(command, environment, log), log);
    }
}
