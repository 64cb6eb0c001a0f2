package gov.bnl.sphenix.production.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDirectoriesTest {

    @TempDir
    Path dir;

    @Test
    void oneBundleHoldsEveryJobsInputListAtItsSlice() throws IOException {
        WorkArea work = WorkArea.in(dir.resolve("work"), false);
        Production production = BatchFixtures.production("bundle");
        List<JobSpec> jobs = work.segments(production, 67962, 3, 2048);

        Map<JobKey, InputSlice> slices = JobDirectories.withUmask().prepare(jobs);

        assertThat(slices.values().stream().map(InputSlice::bundle).distinct()).hasSize(1);
        byte[] bundle = Files.readAllBytes(slices.get(jobs.get(0).key()).bundle());
        for (JobSpec job : jobs) {
            InputSlice slice = slices.get(job.key());
            String list = new String(Arrays.copyOfRange(bundle, (int) slice.offset(), (int) slice.offset() + slice.length()),
                    StandardCharsets.UTF_8);
            assertThat(list.lines().toList()).isEqualTo(job.inputs());
        }
        assertThat(jobs.get(0).files().directory()).isDirectory();
    }

    @Test
    void directoriesItMakesGetTheConfiguredPermissionsAndNoOthers() throws IOException {
        WorkArea work = WorkArea.in(dir.resolve("work"), false);
        JobSpec job = work.job(BatchFixtures.production("perms"), 67962, 0, 2048);

        JobDirectories.worldWritable().prepare(List.of(job));

        assertThat(Files.getPosixFilePermissions(job.files().directory()))
                .isEqualTo(PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(Files.getPosixFilePermissions(work.root()))
                .as("an existing directory is left alone").isNotEqualTo(PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @Test
    void aGroupModeWithSetgidIsAppliedToTheDirectoriesItMakes() throws IOException {
        WorkArea work = WorkArea.in(dir.resolve("work"), false);
        JobSpec job = work.job(BatchFixtures.production("group"), 67962, 0, 2048);

        JobDirectories.fromEnvironment(Map.of(JobDirectories.MODE_VARIABLE, "2775")).prepare(List.of(job));

        assertThat(Files.getAttribute(job.files().directory(), "unix:mode")).isEqualTo(042775);
    }

    @Test
    void theStagingDirectoriesOfAJobsOutputsAreMadeWithTheModeBeforeTheJobRuns() throws IOException {
        WorkArea work = WorkArea.in(dir.resolve("work"), false);
        JobSpec job = work.job(BatchFixtures.production("staging"), 67962, 0, 2048);
        assertThat(job.outputs()).isNotEmpty().allSatisfy(o -> assertThat(o.destination().getParent()).doesNotExist());

        JobDirectories.withMode("2775").prepare(List.of(job));

        assertThat(job.outputs()).allSatisfy(o -> assertThat(Files.getAttribute(o.destination().getParent(), "unix:mode"))
                .as("the directory %s the wrapper publishes into", o.destination().getParent()).isEqualTo(042775));
    }

    @Test
    void withoutASettingTheUmaskDecidesAndNothingIsWorldWritable() throws IOException {
        WorkArea work = WorkArea.in(dir.resolve("work"), false);
        JobSpec job = work.job(BatchFixtures.production("umask"), 67962, 0, 2048);

        JobDirectories.fromEnvironment(Map.of()).prepare(List.of(job));

        assertThat(Files.getPosixFilePermissions(job.files().directory()))
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
    }

    @Test
    void aModeThatIsNotOctalIsRefusedInWords() {
        assertThatThrownBy(() -> JobDirectories.withMode("rwxrwxr-x"))
                .hasMessageContaining("octal Unix mode like 2775").hasMessageContaining("rwxrwxr-x");
    }

    @Test
    void filesThatCannotBeWrittenFailTheSubmissionBeforeAnythingIsQueued() throws IOException {
        Path blocked = Files.writeString(dir.resolve("log"), "a file where the log tree should start");
        WorkArea work = WorkArea.in(dir, false);
        JobSpec job = work.job(BatchFixtures.production("blocked"), 67962, 0, 2048);
        assertThat(job.files().directory()).startsWithRaw(blocked);

        assertThatThrownBy(() -> JobDirectories.withUmask().prepare(List.of(job)))
                .isInstanceOfSatisfying(SubmitException.class, e -> {
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.submitted()).isEmpty();
                });
    }
}
