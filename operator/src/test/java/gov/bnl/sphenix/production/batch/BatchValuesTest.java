package gov.bnl.sphenix.production.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The port's values: keys, ids, holds, selections. */
class BatchValuesTest {

    @Test
    void jobKeysPrintAndParseTheSameWay() {
        assertThat(JobKey.of("run3auau-calo", 67962, 42).toString()).isEqualTo("run3auau-calo/67962/42");
        assertThat(JobKey.parse("streaming/67962/0/ebdc07_1")).isEqualTo(JobKey.ofLeaf("streaming", 67962, 0, "ebdc07_1"));
        assertThat(JobKey.parse("calo/1/2")).isEqualTo(JobKey.of("calo", 1, 2));
        assertThatThrownBy(() -> JobKey.parse("calo/x/2")).hasMessageContaining("must be numbers");
        assertThatThrownBy(() -> JobKey.parse("calo")).hasMessageContaining("is not a job key");
        assertThatThrownBy(() -> JobKey.of("Calo Prod", 1, 2)).hasMessageContaining("lower-case");
    }

    @Test
    void batchIdsPrintLikeHtcondor() {
        assertThat(BatchJobId.parse("1234.7")).isEqualTo(new BatchJobId(1234, 7));
        assertThat(new BatchJobId(5, 0)).hasToString("5.0");
        assertThatThrownBy(() -> BatchJobId.parse("1234")).hasMessageContaining("not a job id");
        // each schedd numbers its clusters from 1: the schedd's name tells two jobs 12.0 apart
        BatchJobId onSecond = BatchJobId.parse("second@sphnxsub02.sdcc.bnl.gov#12.0");
        assertThat(onSecond).isEqualTo(new BatchJobId(12, 0, "second@sphnxsub02.sdcc.bnl.gov"))
                .isNotEqualTo(new BatchJobId(12, 0)).hasToString("second@sphnxsub02.sdcc.bnl.gov#12.0");
        assertThat(new BatchJobId(12, 0).on("second@sphnxsub02.sdcc.bnl.gov")).isEqualTo(onSecond);
        assertThatThrownBy(() -> BatchJobId.parse("#12.0")).hasMessageContaining("not a job id");
        assertThatThrownBy(() -> new BatchJobId(12, 0, "x; rm")).hasMessageContaining("is not a schedd name");
        assertThat(Selection.ids(List.of(onSecond, new BatchJobId(12, 0, "sphnxsub01"))).onSchedd("sphnxsub01"))
                .contains(Selection.ids(List.of(new BatchJobId(12, 0, "sphnxsub01"))));
        assertThat(Selection.id(onSecond).onSchedd("sphnxsub01")).isEmpty();
    }

    @Test
    void memoryHoldsAreRecognisedFromEitherPolicy() {
        assertThat(Hold.memoryExceeded(318, 128)).isEqualTo(
                new Hold(3, 34, "memory usage 318 MB exceeded request_memory 128 MB"));
        assertThat(new Hold(3, 34, "").isMemoryExceeded()).isTrue();
        assertThat(new Hold(21, 102, "memory usage exceeded request_memory").isMemoryExceeded()).isTrue();
        assertThat(new Hold(34, 0, "cgroup out of memory").isMemoryExceeded()).isTrue();
        assertThat(new Hold(26, 0, "SYSTEM_PERIODIC_HOLD: memory").isMemoryExceeded()).as("SDCC's system policy").isTrue();
        assertThat(new Hold(3, 35, "").isMemoryExceeded()).as("too many starts").isFalse();
        assertThat(new Hold(1, 0, "by user").isMemoryExceeded()).isFalse();
        assertThat(new Hold(6, 22, "Failed to execute").isMemoryExceeded()).isFalse();
    }

    @Test
    void selectionsMatchJobsByOurAttributes() {
        BatchJob held = job(JobKey.of("calo", 67962, 1), "pass-1", BatchState.HELD, Optional.of(new Hold(1, 0, "x")));
        BatchJob foreign = new BatchJob(new BatchJobId(9, 0), Optional.empty(), "", "", BatchState.QUEUED, Optional.empty(),
                0, OptionalInt.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

        assertThat(Selection.production("calo").matches(held)).isTrue();
        assertThat(Selection.production("calo").matches(foreign)).isFalse();
        assertThat(Selection.token("pass-1").matches(held)).isTrue();
        assertThat(Selection.key(JobKey.of("calo", 67962, 1)).matches(held)).isTrue();
        assertThat(Selection.production("calo").and(Selection.inState(BatchState.RUNNING)).matches(held)).isFalse();
        assertThat(Selection.id(new BatchJobId(1, 0)).matches(held)).isTrue();
        assertThatThrownBy(() -> Selection.keys(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void anUnknownQueueHasNoJobsToHandOut() {
        QueueSnapshot unknown = QueueSnapshot.unknown("condor_q did not answer within 60000 ms");

        assertThat(unknown.isKnown()).isFalse();
        assertThatThrownBy(unknown::jobs).isInstanceOf(BatchSystemException.class).hasMessageContaining("did not answer");
    }

    @Test
    void tokensAcceptWhatTheSpecAcceptsForRerunTokens() {
        assertThat(Selection.token("pass:2026-11-29T03").matches(job(JobKey.of("calo", 1, 2), "pass:2026-11-29T03",
                BatchState.QUEUED, Optional.empty()))).isTrue();
        assertThatThrownBy(() -> Selection.token("two words")).hasMessageContaining("not a batch token");
    }

    @Test
    void payloadArgumentsMustSurviveTheSubmitLanguage() {
        assertThatThrownBy(() -> new Payload(Path.of("/p/run.sh"), List.of("a\nb")))
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> new Payload(Path.of("/p/run.sh"), List.of("$(HOME)")))
                .hasMessageContaining("macro");
        assertThatThrownBy(() -> new Payload(Path.of("run.sh"), List.of())).hasMessageContaining("absolute");
    }

    private static BatchJob job(JobKey key, String token, BatchState state, Optional<Hold> hold) {
        return new BatchJob(new BatchJobId(1, 0), Optional.of(key), token, "", state, hold, 2048, OptionalInt.empty(), 1,
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());
    }
}
