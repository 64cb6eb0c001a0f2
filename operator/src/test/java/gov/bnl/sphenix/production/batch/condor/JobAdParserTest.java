package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON quirks of condor_q and condor_history, as HTCondor 23 prints them. */
class JobAdParserTest {

    private static List<BatchJob> ours(String json) throws IOException {
        return JobAdParser.parse(json, "submitter").jobs();
    }

    @Test
    void anEmptyQueueIsNoOutputAtAllOrAnEmptyArray() throws IOException {
        assertThat(ours("")).isEmpty();
        assertThat(ours("\n")).isEmpty();
        assertThat(ours("[\n]\n")).isEmpty();
    }

    @Test
    void aHeldJobWithOurAttributesAndAnExpressionForMemoryUsage() throws IOException {
        String json = """
                [
                {
                  "Owner": "submitter",
                  "ClusterId": 3,
                  "ProcId": 0,
                  "JobStatus": 5,
                  "ProdOpJobKey": "calo/67966/0",
                  "ProdOpToken": "pass-1",
                  "ProdOpRerunToken": "",
                  "HoldReasonCode": 3,
                  "HoldReasonSubCode": 34,
                  "HoldReason": "memory usage 318 MB exceeded request_memory 128 MB",
                  "RequestMemory": 128,
                  "MemoryUsage": "\\/Expr(((ResidentSetSize + 1023) / 1024))\\/",
                  "ResidentSetSize": 325000,
                  "NumJobStarts": 1,
                  "QDate": 1795919100,
                  "JobCurrentStartDate": 1795919102,
                  "EnteredCurrentStatus": 1795919110
                }
                ]
                """;

        BatchJob job = ours(json).get(0);

        assertThat(job.id()).isEqualTo(new BatchJobId(3, 0));
        assertThat(job.key()).contains(JobKey.of("calo", 67966, 0));
        assertThat(job.state()).isEqualTo(BatchState.HELD);
        assertThat(job.hold()).contains(new Hold(3, 34, "memory usage 318 MB exceeded request_memory 128 MB"));
        assertThat(job.isHeldForMemory()).isTrue();
        assertThat(job.memoryUsageMib()).as("from ResidentSetSize, rounded up").hasValue(318);
        assertThat(job.requestMemoryMib()).isEqualTo(128);
        assertThat(job.batchToken()).isEqualTo("pass-1");
        assertThat(job.queuedAt()).contains(Instant.ofEpochSecond(1795919100));
        assertThat(job.stateSince()).contains(Instant.ofEpochSecond(1795919110));
        assertThat(job.exitCode()).isEmpty();
    }

    @Test
    void absentAttributesAreEmptyNotZero() throws IOException {
        BatchJob job = ours("[{\"Owner\": \"submitter\", \"ClusterId\": 8, \"ProcId\": 2, \"JobStatus\": 1}]").get(0);

        assertThat(job.key()).as("a job that is not ours").isEmpty();
        assertThat(job.batchToken()).isEmpty();
        assertThat(job.memoryUsageMib()).isEmpty();
        assertThat(job.startedAt()).isEmpty();
        assertThat(job.numJobStarts()).isZero();
        assertThat(job.hold()).isEmpty();
    }

    @Test
    void completedAndSignalledJobsFromHistory() throws IOException {
        String json = """
                [
                {"Owner": "submitter", "ClusterId": 2, "ProcId": 0, "JobStatus": 4, "ExitCode": 13, "ExitBySignal": false},
                {"Owner": "submitter", "ClusterId": 2, "ProcId": 1, "JobStatus": 4, "ExitBySignal": true, "ExitSignal": 9},
                {"Owner": "submitter", "ClusterId": 2, "ProcId": 2, "JobStatus": 3}
                ]
                """;

        assertThat(ours(json)).extracting(BatchJob::state, BatchJob::exitCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BatchState.COMPLETED, java.util.OptionalInt.of(13)),
                org.assertj.core.groups.Tuple.tuple(BatchState.COMPLETED, java.util.OptionalInt.of(137)),
                org.assertj.core.groups.Tuple.tuple(BatchState.REMOVED, java.util.OptionalInt.empty()));
    }

    @Test
    void heldByHtcondorsOwnMemoryPolicyIsAMemoryHoldToo() throws IOException {
        BatchJob job = ours("""
                [{"Owner": "submitter", "ClusterId": 1, "ProcId": 0, "JobStatus": 5, "HoldReasonCode": 21, "HoldReasonSubCode": 102,
                  "HoldReason": "Job has gone over memory limit of 2048 megabytes."}]
                """).get(0);

        assertThat(job.isHeldForMemory()).isTrue();
    }

    @Test
    void anUnreadableJobKeyLeavesTheJobWithoutKey() throws IOException {
        BatchJob job = ours("[{\"Owner\": \"submitter\", \"ClusterId\": 1, \"ProcId\": 0, \"JobStatus\": 2, \"ProdOpJobKey\": \"nonsense\"}]").get(0);

        assertThat(job.key()).isEmpty();
        assertThat(job.state()).isEqualTo(BatchState.RUNNING);
    }

    @Test
    void adsOfOtherOwnersAreDroppedAndNamed() throws IOException {
        // condor_q -allusers -json on the test pool, one job of ours and one of another user with our attributes
        String json = """
                [
                {
                  "ClusterId": 1,
                  "JobStatus": 5,
                  "Owner": "prodop-outsider",
                  "ProcId": 0,
                  "ProdOpJobKey": "probe-shared/1/0",
                  "ProdOpToken": "tok-probe",
                  "RequestMemory": "\\/Expr(ifthenelse(MemoryUsage isnt undefined,MemoryUsage,(ImageSize + 1023) / 1024))\\/"
                }
                ,
                {
                  "ClusterId": 2,
                  "JobStatus": 5,
                  "Owner": "submitter",
                  "ProcId": 0,
                  "ProdOpJobKey": "probe-shared/1/0",
                  "ProdOpToken": "tok-probe",
                  "RequestMemory": 512
                }
                ,
                {"ClusterId": 3, "ProcId": 0, "JobStatus": 1}
                ]
                """;

        JobAdParser.JobAds ads = JobAdParser.parse(json, "submitter");

        assertThat(ads.jobs()).extracting(BatchJob::id).containsExactly(new BatchJobId(2, 0));
        assertThat(ads.otherOwners()).containsExactlyInAnyOrder("prodop-outsider", "(no Owner)");
        assertThat(JobAdParser.parse(json, "Submitter").jobs()).as("user names are case-sensitive").isEmpty();
    }

    @Test
    void garbageIsAnErrorNotAnEmptyQueue() {
        assertThatThrownBy(() -> ours("-- Failed to fetch ads from: <127.0.0.1:9618>"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ours("{\"ClusterId\": 1}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ours("[{\"Owner\": \"submitter\", \"ClusterId\": 1}]")).isInstanceOf(IOException.class);
    }
}
