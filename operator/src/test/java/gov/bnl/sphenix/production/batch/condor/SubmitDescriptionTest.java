package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.Payload;
import gov.bnl.sphenix.production.batch.SphenixprodCall;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Limits;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the submit description: the exact text that goes to {@code condor_submit}.
 * After an intended change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class SubmitDescriptionTest {

    private static final WrapperLaunch WRAPPER = new WrapperLaunch(Path.of("/opt/prodop/prodop-job.sh"));
    private static final JobSpecs JOBS = new JobSpecs(Layout.under(Path.of("/sphenix/prod")), Path.of("/sphenix/payloads"));

    private static Production calo() {
        return BatchFixtures.specs().production("run3auau-calo-golden").orElseThrow();
    }

    private static JobSpec job(int run, int segment, String leaf, int memory) {
        return JOBS.of(calo(), new JobSpecs.Request(run, segment, leaf, "physics",
                List.of("/sphenix/lustre01/in-" + run + "-" + segment + ".root"), "pass-0042", memory));
    }

    @Test
    void threeJobsOfOneProductionMakeOneCluster() throws IOException {
        JobSpec plain = job(67962, 0, "", 2048);
        JobSpec climbed = job(67962, 1, "", 3072);
        JobSpec rerun = job(67963, 0, "", 2048);
        rerun = new JobSpec(rerun.key(), rerun.batchToken(), "redo-2025a", rerun.namespace(), rerun.requestMemoryMib(),
                rerun.requestCpus(), rerun.requestDiskMib(), rerun.priority(), rerun.batchName(), rerun.accountingGroup(),
                rerun.payload(), rerun.inputs(), rerun.outputs(), rerun.files());

        String description = SubmitDescription.render(List.of(plain, climbed, rerun), slices(plain, climbed, rerun),
                WRAPPER, JobPolicy.DEFAULT);

        assertGolden("submit-description-calo.golden", description);
    }

    @Test
    void aPerLeafJobAndAStricterPolicy() throws IOException {
        JobPolicy strict = new JobPolicy(false, 1, Duration.ofHours(6));

        JobSpec leaf = job(67962, 0, "seb07", 2048);

        String description = SubmitDescription.render(List.of(leaf), slices(leaf), WRAPPER, strict);

        assertGolden("submit-description-leaf-strict.golden", description);
    }

    @Test
    void aJobInSphenixprodsConventionRunsItsScriptWithTheRulesSubmitOptions() throws IOException {
        Production calo = BatchFixtures.withSubmitOptions(calo());
        JobSpec job = JOBS.of(calo, new JobSpecs.Request(67962, 7, "", "physics",
                List.of("/sphenix/lustre01/in-67962-7.root"), "pass-0042", 2048), new SphenixprodCall(4711,
                List.of("DST_CALOFITTING"), 0, List.of(Path.of("/sphenix/specs/abc123/rules/run3auau/calo_code/run_calo.sh")),
                Path.of("/sphenix/helpers")));

        String description = SubmitDescription.render(List.of(job), Map.of(), WRAPPER, JobPolicy.DEFAULT);

        assertGolden("submit-description-sphenixprod.golden", description);
    }

    @Test
    void aProductionsOwnMaximumRunTimeAndElseTheOperatorsIsWhatTheSchedulerHoldsAt() {
        Production calo = calo();
        Production longBuilder = new Production(calo.name(), calo.file(), calo.ruleSetFile(), calo.rule(), calo.runs(),
                calo.order(), calo.masks(), calo.segments(), calo.priority(), calo.memory(),
                new Limits(10, 10, Optional.of(Duration.ofDays(5))), calo.submit(), calo.harvest(), calo.onRemoval(),
                calo.reruns());
        JobSpecs operators = JOBS.withMaxRunTime(Duration.ofDays(2));
        JobSpecs.Request request = new JobSpecs.Request(67962, 0, "", "physics", List.of("/sphenix/in.root"), "t", 2048);

        String own = SubmitDescription.render(List.of(operators.of(longBuilder, request)), Map.of(), WRAPPER,
                JobPolicy.DEFAULT);
        String theirs = SubmitDescription.render(List.of(operators.of(calo, request)), Map.of(), WRAPPER,
                JobPolicy.DEFAULT);
        String policy = SubmitDescription.render(List.of(JOBS.of(calo, request)), Map.of(), WRAPPER, JobPolicy.DEFAULT);

        assertThat(own).containsPattern("\\+ProdOpMaxRunSeconds +=\\s" + Duration.ofDays(5).toSeconds() + "\n");
        assertThat(theirs).containsPattern("\\+ProdOpMaxRunSeconds +=\\s" + Duration.ofDays(2).toSeconds() + "\n");
        assertThat(policy).containsPattern("\\+ProdOpMaxRunSeconds +=\\s" + JobPolicy.DEFAULT.maxRunTime().toSeconds()
                + "\n");
    }

    @Test
    void jobsThatDifferInClusterSettingsCannotShareADescription() {
        JobSpec a = job(67962, 0, "", 2048);
        JobSpec b = job(67962, 1, "", 2048);
        JobSpec other = new JobSpec(b.key(), b.batchToken(), b.rerunToken(), b.namespace(), b.requestMemoryMib(), 4,
                b.requestDiskMib(), b.priority(), b.batchName(), b.accountingGroup(), b.payload(), b.inputs(), b.outputs(),
                b.files());

        assertThatThrownBy(() -> SubmitDescription.render(List.of(a, other), Map.of(), WRAPPER, JobPolicy.DEFAULT))
                .hasMessageContaining("does not share the cluster settings");
    }

    @Test
    void theItemLineKeepsArgumentsWithSpacesAndQuotesIntact() {
        JobSpec job = job(67962, 0, "", 2048);
        JobSpec odd = new JobSpec(job.key(), job.batchToken(), job.rerunToken(), job.namespace(), job.requestMemoryMib(),
                job.requestCpus(), job.requestDiskMib(), job.priority(), job.batchName(), job.accountingGroup(),
                new Payload(job.payload().script(), List.of("two words", "it's", "say \"hi\"", "a,b")),
                job.inputs(), job.outputs(), job.files());

        assertThat(SubmitDescription.item(odd, Optional.empty())).endsWith("-- /sphenix/payloads/run_calo.sh 'two words' 'it''s' 'say \"\"hi\"\"' a,b");
    }

    /** Input slices as {@code JobDirectories} lays them out, in a bundle with a fixed name. */
    private static Map<JobKey, InputSlice> slices(JobSpec... jobs) {
        Path bundle = jobs[0].files().directory().resolve("inputs-pass-0042-0a1b2c3d.bundle");
        Map<JobKey, InputSlice> slices = new LinkedHashMap<>();
        long offset = 0;
        for (JobSpec job : jobs) {
            int header = ("# " + job.key() + "\n").length();
            int list = job.inputs().stream().mapToInt(i -> i.length() + 1).sum();
            slices.put(job.key(), new InputSlice(bundle, offset + header, list));
            offset += header + list;
        }
        return slices;
    }

    static void assertGolden(String name, String actual) throws IOException {
        Path golden = RepositoryFiles.root().resolve("operator/src/test/resources/batch").resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dgolden.update=true)", name).exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
