package gov.bnl.sphenix.production.jobcontract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import gov.bnl.sphenix.production.jobcontract.Worker.JobRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each run script of the example specs, run as a worker runs it, leaves what the spider and the operator read. */
class RunScriptsTest {

    private static final String STREAMING = "DST_STREAMING_EVENT_ebdc03_0_run3auau_ana523_nocdbtag_v001";
    private static final String RAW_HOSTS = "intt0,mvtx0,ebdc03,ebdc03:1,ebdc39";

    @TempDir
    Path root;

    @Test
    void theStreamingCombinerStagesOneSegmentPerNeventsperAndTheJobsHist() {
        Worker worker = new Worker(root);
        Path gl1 = worker.input("GL1_physics_gl1daq-00054321-0000.evt");
        Path ebdc = worker.input("TPC_ebdc03_physics-00054321-0000.prdf");
        worker.ship(List.of(gl1 + " gl1daq", ebdc + " ebdc03", worker.input("TPC_ebdc04_physics-00054321-0000.prdf") + " ebdc04"));
        JobArguments job = JobArguments.combiner(RAW_HOSTS, "ebdc03", STREAMING, 500, 100);

        JobRun run = worker.run(Worker.script("run3auau", "streaming_code", "run_parallel_streams.sh"), job);

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<StagedName> dsts = Worker.staged(worker.outdir);
        assertThat(dsts).extracting(StagedName::lfn).containsExactly(
                STREAMING + "-00054321-00000.root", STREAMING + "-00054321-00001.root", STREAMING + "-00054321-00002.root",
                STREAMING + "-00054321-00003.root", STREAMING + "-00054321-00004.root");
        assertThat(dsts).allSatisfy(dst -> {
            assertThat(dst.nevents()).isEqualTo(100);
            assertThat(dst.dbid()).as("the macro passes no id: the job's, from the prep script").isEqualTo(job.dbid());
        });
        assertThat(dsts).extracting(StagedName::first).containsExactly(0L, 100L, 200L, 300L, 400L);
        assertThat(Worker.staged(worker.histdir)).singleElement().satisfies(hist -> {
            assertThat(hist.lfn()).isEqualTo("HIST_" + STREAMING + "-00054321-00000.root");
            assertThat(hist.nevents()).as("nevents reached root.exe").isEqualTo(500);
        });
        assertThat(Worker.stagedContent(worker.outdir, STREAMING + "-00054321-00000.root"))
                .as("the input list reached the macro: GL1 and this host's files, not another host's")
                .contains("input=" + gl1, "input=" + ebdc).doesNotContain("ebdc04");
        assertFinished(worker, job);
    }

    @Test
    void clusteringRollsOverFromTenTimesItsSegmentAndStagesEachDstWithItsHist() {
        Worker worker = new Worker(root);
        Path streamed = worker.input(STREAMING + "-00054321-00002.root");
        worker.ship(List.of(streamed.toString()));
        String outbase = "DST_TRKR_CLUSTER_run3auau_ana523_2025p007_v001";
        JobArguments job = JobArguments.downstream("DST_STREAMING_EVENT_ebdc03_0,DST_STREAMING_EVENT_intt0", "ana523_nocdbtag_v001", outbase, 2, 0)
                .withNeventsper(100);

        JobRun run = worker.run(Worker.script("run3auau", "tracking_code", "run_rolloverjob0.sh"), job,
                Map.of("ROOT_STANDIN_EVENTS_PER_INPUT", "500"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> segments = List.of("-00054321-00020.root", "-00054321-00021.root", "-00054321-00022.root",
                "-00054321-00023.root", "-00054321-00024.root");
        assertThat(Worker.staged(worker.outdir)).extracting(StagedName::lfn)
                .containsExactlyElementsOf(segments.stream().map(s -> outbase + s).toList());
        assertThat(Worker.staged(worker.histdir)).extracting(StagedName::lfn)
                .containsExactlyElementsOf(segments.stream().map(s -> "HIST_" + outbase + s).toList());
        assertThat(Worker.staged(worker.outdir)).allSatisfy(dst -> assertThat(dst.nevents()).isEqualTo(100));
        assertFinished(worker, job);
    }

    static Stream<Arguments> downstreamJobs() {
        return Stream.of(
                Arguments.of("tracking_code", "run_jobA.sh", "DST_TRKR_SEED", "DST_TRKR_CLUSTER", "HIST_DST_TRKR_SEED"),
                Arguments.of("tracking_code", "run_jobC.sh", "DST_TRKR_TRACKS", "DST_TRKR_SEED", "HIST_DST_TRKR_TRACKS"),
                Arguments.of("calo_code", "run_fitting.sh", "DST_CALOFITTING", "DST_TRIGGERED_EVENT_seb00,DST_TRIGGERED_EVENT_seb01",
                        "HIST_CALOFITTINGQA"),
                Arguments.of("calo_code", "run_calo.sh", "DST_CALO", "DST_CALOFITTING", "HIST_CALOQA"),
                Arguments.of("calo_code", "run_jets.sh", "DST_JETS", "DST_CALO", "HIST_JETSQA"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("downstreamJobs")
    void aDownstreamJobStagesOneDstWithItsIdAndOneHist(String area, String script, String dsttype, String indsttype,
                                                        String histPrefix) {
        Worker worker = new Worker(root);
        Path input = worker.input(indsttype.split(",")[0] + "_run3auau_ana523_2025p007_v001-00054321-00007.root");
        worker.ship(List.of("# the operator's choice for this job", input.toString()));
        String outbase = dsttype + "_run3auau_ana523_2025p007_v001";
        JobArguments job = JobArguments.downstream(indsttype, "ana523_2025p007_v001", outbase, 7, 7);

        JobRun run = worker.run(Worker.script("run3auau", area, script), job);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Worker.staged(worker.outdir)).singleElement().satisfies(dst -> {
            assertThat(dst.lfn()).isEqualTo(job.logbase() + ".root");
            assertThat(dst.nevents()).as("nevents reached root.exe").isEqualTo(7);
            assertThat(dst.first()).isEqualTo(49);
            assertThat(dst.last()).isEqualTo(55);
            assertThat(dst.dbid()).isEqualTo(job.dbid());
        });
        assertThat(Worker.staged(worker.histdir)).singleElement()
                .satisfies(hist -> assertThat(hist.lfn()).startsWith(histPrefix).endsWith("-00054321-00007.root"));
        assertThat(Worker.stagedContent(worker.outdir, job.logbase() + ".root"))
                .as("the input list reached the macro").contains("input=" + input);
        assertFinished(worker, job);
    }

    @Test
    void theTriggeredCombinerStagesThroughTheMacroWithTheJobsId() {
        Worker worker = new Worker(root);
        worker.ship(List.of(worker.input("GL1_physics_gl1daq-00054321-0000.evt") + " gl1daq",
                worker.input("physics_seb05-00054321-0000.prdf") + " seb05",
                worker.input("physics_seb05-00054321-0001.prdf") + " seb05"));
        String outbase = "DST_TRIGGERED_EVENT_seb05_run3auau_ana530_nocdbtag_v001";
        JobArguments job = JobArguments.combiner("seb00,seb05,seb20", "seb05", outbase, 0, 10000);

        JobRun run = worker.run(Worker.script("run3auau", "triggered_code", "run_eventcombine.sh"), job,
                Map.of("ROOT_STANDIN_PRDF_EVENTS_PER_FILE", "1500"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Worker.staged(worker.outdir)).extracting(StagedName::lfn, StagedName::nevents, StagedName::dbid)
                .containsExactly(tuple(outbase + "-00054321-00000.root", 1500L, job.dbid()),
                        tuple(outbase + "-00054321-00001.root", 500L, job.dbid()));
        assertFinished(worker, job);
    }

    /** The marker today's scripts leave (commented out there) after a good job, and nothing left in scratch to stage. */
    private static void assertFinished(Worker worker, JobArguments job) {
        assertThat(Worker.names(worker.outdir))
                .contains(job.logbase() + ".finished:nevents:0:first:-1:last:-1:md5:none:dbid:" + job.dbid());
        assertThat(Worker.names(worker.scratch)).noneMatch(name -> name.endsWith(".root"));
        assertThat(Worker.names(worker.outdir)).noneMatch(name -> name.startsWith("."));
    }
}
