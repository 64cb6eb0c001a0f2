package gov.bnl.sphenix.production.batch;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job of the example calorimeter production, as the engine will build it. */
class JobSpecsTest {

    private final Production calo = BatchFixtures.specs().production("run3auau-calo-golden").orElseThrow();
    private final JobSpecs jobs = new JobSpecs(Layout.under(Path.of("/sphenix/prod")), Path.of("/sphenix/payloads"));

    @Test
    void namesPathsAndResourcesComeFromTheSpecAndTheLayout() {
        JobSpec job = jobs.of(calo, new JobSpecs.Request(67962, 42, "", "physics", List.of("/in/a.root"), "pass-9", 3072));

        assertThat(job.key()).isEqualTo(JobKey.of("run3auau-calo-golden", 67962, 42));
        assertThat(job.namespace()).isEqualTo(calo.namespace());
        assertThat(job.requestMemoryMib()).isEqualTo(3072);
        assertThat(job.batchToken()).isEqualTo("pass-9");
        assertThat(job.batchName()).isEqualTo("DST_CALO_run3auau_ana530_2025p008_v001");
        assertThat(job.priority()).isEqualTo(calo.priority());
        assertThat(job.payload().script()).isEqualTo(Path.of("/sphenix/payloads/run_calo.sh"));
        String stem = "DST_CALO_run3auau_ana530_2025p008_v001-00067962-00042";
        Path logs = Path.of("/sphenix/prod/log/run3auau/physics/ana530_2025p008_v001/run_00067900_00068000/DST_CALO");
        assertThat(job.files()).isEqualTo(new JobFiles(logs, stem));
        assertThat(job.files().stdout()).isEqualTo(logs.resolve(stem + ".out"));
        assertThat(job.files().manifest()).isEqualTo(logs.resolve(stem + ".manifest.json"));
        assertThat(job.outputs()).extracting(JobOutput::lfn).containsExactly(stem + ".root",
                "HIST_CALO_run3auau_ana530_2025p008_v001-00067962-00042.root");
        assertThat(job.outputs().get(0).destination()).isEqualTo(Path.of(
                "/sphenix/prod/dst/run3auau/physics/ana530_2025p008_v001/run_00067900_00068000/DST_CALO/" + stem + ".root"));
        assertThat(job.payload().arguments()).containsExactly("100000", "inputs.list",
                stem + ".root", "67962", "42", "HIST_CALO_run3auau_ana530_2025p008_v001-00067962-00042.root");
    }

    @Test
    void aPerLeafJobCarriesTheLeafInKeyAndNames() {
        JobSpec job = jobs.of(calo, new JobSpecs.Request(67962, 0, "seb07", "physics", List.of(), "pass-9", 2048));

        assertThat(job.key().toString()).isEqualTo("run3auau-calo-golden/67962/0/seb07");
        assertThat(job.files().stem()).isEqualTo("DST_CALO_seb07_run3auau_ana530_2025p008_v001-00067962-00000");
    }
}
