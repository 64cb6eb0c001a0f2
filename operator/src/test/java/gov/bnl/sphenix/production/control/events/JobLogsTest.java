package gov.bnl.sphenix.production.control.events;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.job.JobKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A failure's event names the job's logs, and they can be read back from what the audit log keeps. */
class JobLogsTest {

    private static final JobLogs LOGS = JobLogs.of(new JobFiles(Path.of("/gpfs/log/run3auau/physics/DST_CALO"),
            "DST_CALO_run3auau_ana468_2024p012_v001-00067962-00042"));

    @Test
    void aFailureEventEndsWithTheLogsAndCarriesThem() {
        EventLog events = new EventLog(Clock.systemUTC());

        events.failed(JobKey.of("calo", 67962, 42), "job 67962/42 failed: exit code 13", LOGS);

        EngineEvent event = events.events().get(0);
        assertThat(event.kind()).isEqualTo(EventKind.FAILED);
        assertThat(event.warning()).isTrue();
        assertThat(event.logs()).contains(LOGS);
        assertThat(event.message()).isEqualTo("job 67962/42 failed: exit code 13 (logs: out /gpfs/log/run3auau/physics/"
                + "DST_CALO/DST_CALO_run3auau_ana468_2024p012_v001-00067962-00042.out, err /gpfs/log/run3auau/physics/"
                + "DST_CALO/DST_CALO_run3auau_ana468_2024p012_v001-00067962-00042.err, batch log /gpfs/log/run3auau/"
                + "physics/DST_CALO/DST_CALO_run3auau_ana468_2024p012_v001-00067962-00042.condor)");
        assertThat(JobLogs.in(event.message())).contains(LOGS);
    }

    @Test
    void aMessageWithoutLogsNamesNone() {
        assertThat(JobLogs.in("job 67962/42 failed before submission: no input")).isEqualTo(Optional.empty());
    }
}
