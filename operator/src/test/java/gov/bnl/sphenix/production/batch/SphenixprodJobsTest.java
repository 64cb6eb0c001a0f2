package gov.bnl.sphenix.production.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.ArgumentOrder;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs in sphenixprod's calling convention: the argument vector, what is refused, the shipped input list. */
class SphenixprodJobsTest {

    private static final Path HELPERS = Path.of("/sphenix/helpers");
    private final JobSpecs jobs = new JobSpecs(Layout.under(Path.of("/sphenix/prod")), Path.of("/sphenix/payloads"));

    private static SphenixprodCall call(long dbid, List<String> indsttypes, int nevents, String area) {
        return new SphenixprodCall(dbid, indsttypes, nevents, List.of(Path.of("/specs/abc123/rules/run3auau/" + area
                + "/run_fitting.sh"), Path.of("/specs/abc123/rules/run3auau/" + area + "/run_calo.sh")), HELPERS);
    }

    @Test
    void aDownstreamJobGetsSphenixprodsSeventeenArgumentsInOrderThenItsId() {
        Production fitting = BatchFixtures.specs().production("run3auau-calofitting-golden").orElseThrow();

        JobSpec job = jobs.of(fitting, new JobSpecs.Request(67962, 42, "", "physics", List.of("/in/a.root"), "pass-9",
                2560), call(4711, List.of("DST_TRIGGERED_EVENT_seb00", "DST_TRIGGERED_EVENT_seb01"), 0, "calo_code"));

        String outbase = "DST_CALOFITTING_run3auau_ana530_2025p008_v001";
        String tree = "run3auau/physics/ana530_2025p008_v001/run_00067900_00068000/DST_CALOFITTING";
        Path logdir = Path.of("/sphenix/prod/log/" + tree);
        assertThat(job.contract()).isEqualTo(JobContract.SPHENIXPROD);
        assertThat(job.payload().script()).isEqualTo(Path.of("/specs/abc123/rules/run3auau/calo_code/run_fitting.sh"));
        assertThat(job.payload().arguments()).containsExactly(
                "ana.530", "run3auau", "ana530_nocdbtag_v001", "DST_TRIGGERED_EVENT_seb00,DST_TRIGGERED_EVENT_seb01",
                "67962", "42", "dummy", "dbinput", "0", "/sphenix/prod/dst/" + tree, "/sphenix/prod/hist/" + tree,
                outbase, "100000", "2025p008", outbase + "-00067962-00042", logdir.toString(),
                "/specs/abc123/rules/run3auau/calo_code/run_fitting.sh,/specs/abc123/rules/run3auau/calo_code/run_calo.sh,"
                        + "/sphenix/helpers/stageout.sh,/sphenix/helpers/create_filelist_run_daqhost.py,"
                        + "/sphenix/helpers/create_full_filelist_run_seg.py,/sphenix/helpers/prodop_inputs.py,"
                        + logdir.resolve(outbase + "-00067962-00042.inputs/prodop-inputs.txt"),
                "4711");
        assertThat(job.payload().arguments()).hasSize(ArgumentOrder.NAMES.size() + 1);
        assertThat(job.environment()).containsExactly(Map.entry("SPHENIXPROD_SCRIPT_PATH", "/sphenix/helpers"));
        assertThat(job.options().names()).as("the calofitting rule asks nothing more of the batch system").isEmpty();
    }

    @Test
    void aCombinerJobPassesNoneAsUpstreamTagItsHostAndItsInputMode() {
        Production triggered = BatchFixtures.specs().production("run3auau-triggered-physics").orElseThrow();
        SphenixprodCall call = new SphenixprodCall(815, List.of("seb00", "gl1daq"), 500,
                List.of(Path.of("/specs/abc123/rules/run3auau/triggered_code/run_eventcombine.sh")), HELPERS);

        SphenixprodArguments arguments = jobs.sphenixprodArguments(triggered, new JobSpecs.Request(67962, 0, "seb00",
                "physics", List.of("/raw/seb00-0000.prdf seb00"), "pass-9", 2048), call);

        assertThat(arguments.get("intriplet")).isEqualTo("None");
        assertThat(arguments.get("daqhost")).isEqualTo("seb00");
        assertThat(arguments.get("inputs")).as("combine_seg0_only: true").isEqualTo("seg0fromdb");
        assertThat(arguments.get("indsttype")).isEqualTo("seb00,gl1daq");
        assertThat(arguments.get("nevents")).isEqualTo("500");
        assertThat(arguments.get("outbase")).isEqualTo("DST_TRIGGERED_EVENT_seb00_run3auau_ana530_nocdbtag_v001");
        assertThat(arguments.get("logbase")).isEqualTo("DST_TRIGGERED_EVENT_seb00_run3auau_ana530_nocdbtag_v001-00067962-00000");
        assertThat(arguments.vector()).last().isEqualTo("815");
    }

    @Test
    void theRulesSubmitOptionsAndDiskRequestTravelWithTheJob() {
        Production calo = BatchFixtures.withSubmitOptions(BatchFixtures.specs().production("run3auau-calo-golden")
                .orElseThrow());

        JobSpec job = jobs.of(calo, new JobSpecs.Request(67962, 0, "", "physics", List.of(), "pass-9", 2048),
                new SphenixprodCall(9, List.of("DST_CALOFITTING"), 0, List.of(Path.of("/p/run_calo.sh")), HELPERS));

        assertThat(job.options().names()).containsExactly("request_xferslots", "periodic_remove", "accounting_group_user",
                "requirements", "periodic_hold", "concurrency_limits");
        assertThat(job.requestDiskMib()).isEqualTo(10240);
        assertThat(jobs.of(calo, new JobSpecs.Request(67962, 0, "", "physics", List.of(), "pass-9", 2048)).options())
                .as("the operator's own convention is unchanged").isEqualTo(SubmitOptions.NONE);
    }

    @Test
    void valuesThatCannotTravelAreRefusedNotChanged() {
        Production fitting = BatchFixtures.specs().production("run3auau-calofitting-golden").orElseThrow();
        JobSpecs.Request request = new JobSpecs.Request(67962, 0, "", "physics", List.of("/in/a.root"), "pass-9", 2048);

        assertThatThrownBy(() -> jobs.of(fitting, request, call(1, List.of("DST CALO"), 0, "calo_code")))
                .hasMessageContaining("indsttype must be one word");
        assertThatThrownBy(() -> jobs.of(fitting, request, new SphenixprodCall(1, List.of("DST_CALO"), 0,
                List.of(Path.of("/p/run_fitting.sh"), Path.of("/p/$(HOME)/macro.C")), HELPERS)))
                .hasMessageContaining("payload cannot contain '$('");
        assertThatThrownBy(() -> jobs.of(fitting, request, new SphenixprodCall(1, List.of("DST_CALO"), 0,
                List.of(Path.of("/p/run_calo.sh")), HELPERS)))
                .hasMessageContaining("run_fitting.sh is not among the payload files");
        assertThatThrownBy(() -> jobs.of(fitting, request, new SphenixprodCall(1, List.of("DST_CALO"), 0,
                List.of(Path.of("/p/run_fitting.sh")), Path.of("/helpers with space"))))
                .hasMessageContaining("one word");
        assertThatThrownBy(() -> jobs.of(fitting, new JobSpecs.Request(67962, 0, "", "physics",
                List.of("relative.root"), "pass-9", 2048), call(1, List.of("DST_CALO"), 0, "calo_code")))
                .hasMessageContaining("is not '<path>' or '<path> <daqhost>'");
        JobSpec plain = jobs.of(fitting, request);
        assertThatThrownBy(() -> new JobSpec(plain.key(), plain.batchToken(), plain.rerunToken(), plain.namespace(),
                plain.requestMemoryMib(), plain.requestCpus(), plain.requestDiskMib(), plain.priority(), plain.batchName(),
                plain.accountingGroup(), plain.payload(), plain.inputs(), plain.outputs(), plain.files(),
                JobContract.OPERATOR, Map.of("LD_PRELOAD", "/tmp/x.so"), SubmitOptions.NONE))
                .as("a job sets only what the job allow-list passes").hasMessageContaining("allow-list");
        assertThatThrownBy(() -> new JobSpec(plain.key(), plain.batchToken(), plain.rerunToken(), plain.namespace(),
                plain.requestMemoryMib(), plain.requestCpus(), plain.requestDiskMib(), plain.priority(), plain.batchName(),
                plain.accountingGroup(), plain.payload(), plain.inputs(), plain.outputs(), plain.files(),
                JobContract.SPHENIXPROD, Map.of(), SubmitOptions.NONE)).hasMessageContaining("SPHENIXPROD_SCRIPT_PATH");
        Map<String, String> shuffled = new LinkedHashMap<>();
        shuffled.put("dataset", "run3auau");
        ArgumentOrder.NAMES.forEach(name -> shuffled.put(name, "x"));
        assertThatThrownBy(() -> new SphenixprodArguments(shuffled, 1)).hasMessageContaining("exactly");
        assertThatThrownBy(() -> new SubmitOptions(0, Optional.of("a\nb"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> new SubmitOptions(0, Optional.empty(), Optional.empty(),
                Optional.of("Arch == \"X86_64\" \\"), Optional.empty(), Optional.empty()))
                .hasMessageContaining("continue the submit line");
    }

    @Test
    void theInputListIsWrittenWhereTheJobCopiesItFromBeforeTheJobIsQueued(@TempDir Path dir) throws IOException {
        Production fitting = BatchFixtures.specs().production("run3auau-calofitting-golden").orElseThrow();
        JobSpecs local = new JobSpecs(Layout.under(dir), dir.resolve("payloads"));
        JobSpec job = local.of(fitting, new JobSpecs.Request(67962, 3, "", "physics",
                        List.of("/raw/GL1_physics_gl1daq-00067962-0000.evt gl1daq", "/dst/in-3.root"), "pass-9", 2048),
                call(12, List.of("DST_TRIGGERED_EVENT_seb00"), 0, "calo_code"));
        Path list = job.files().shippedInputList();
        Files.createDirectories(list.getParent().getParent());
        Files.createSymbolicLink(list.getParent(), dir);

        assertThatThrownBy(() -> JobDirectories.withMode("2775").prepare(List.of(job)))
                .hasMessageContaining("symbolic link");
        Files.delete(list.getParent());

        assertThat(JobDirectories.withMode("2775").prepare(List.of(job))).as("no input bundle for it").isEmpty();

        assertThat(list.getFileName().toString()).isEqualTo("prodop-inputs.txt");
        assertThat(job.payload().arguments().get(16)).endsWith("," + list);
        assertThat(Files.readAllLines(list)).containsExactly("/raw/GL1_physics_gl1daq-00067962-0000.evt gl1daq",
                "/dst/in-3.root");
        assertThat(Files.getAttribute(list.getParent(), "unix:mode")).isEqualTo(042775);
        assertThat(Files.isDirectory(Path.of(job.payload().arguments().get(9)))).as("outdir").isTrue();
        assertThat(Files.isDirectory(Path.of(job.payload().arguments().get(10)))).as("histdir").isTrue();
    }
}
