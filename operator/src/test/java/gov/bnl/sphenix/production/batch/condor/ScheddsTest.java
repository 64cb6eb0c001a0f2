package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.QueueReads;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.ScheddAssignment;
import gov.bnl.sphenix.production.batch.Schedds;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.Submission;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.spec.Production;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several schedds as one batch system, seen from the tools' side: each stand-in schedd records the
 * command lines it gets. Both number their clusters alike, so each holds a job {@code 12.0}: the
 * case where a kill sent by cluster and proc alone would remove the wrong job. (The real pool's two
 * schedds are exercised by {@code SeveralScheddsOnCondorTest}.)
 */
class ScheddsTest {

    private static final String FIRST = "sphnxsub01.sdcc.bnl.gov";
    private static final String SECOND = "second@sphnxsub02.sdcc.bnl.gov";

    @TempDir
    Path dir;

    @Test
    void aReadAsksEveryScheddOnceAndTellsTheirJobsApartByName() throws IOException {
        try (Schedds schedds = schedds(ScheddAssignment.SPREAD_BY_LOAD, 1, 1)) {
            QueueSnapshot queue = schedds.query(Selection.productions(List.of("calo")));

            assertThat(queue.jobs()).extracting(BatchJob::id)
                    .containsExactlyInAnyOrder(new BatchJobId(12, 0, FIRST), new BatchJobId(12, 0, SECOND));
            assertThat(queue.jobs().get(0).id()).isNotEqualTo(queue.jobs().get(1).id());
            assertThat(schedds.reads()).isEqualTo(new QueueReads(2, 0));
            assertThat(calls(FIRST)).filteredOn(c -> c.startsWith("condor_q")).singleElement().asString()
                    .contains("-name " + FIRST + " ");
            assertThat(calls(SECOND)).filteredOn(c -> c.startsWith("condor_q")).singleElement().asString()
                    .contains("-name " + SECOND + " ");
        }
    }

    @Test
    void aKillOfOneScheddsJobNeverReachesTheJobOfTheSameIdOnTheOther() throws IOException {
        try (Schedds schedds = schedds(ScheddAssignment.SPREAD_BY_LOAD, 1, 1)) {
            schedds.remove(Selection.ids(List.of(new BatchJobId(12, 0, SECOND))), "duplicate");

            assertThat(calls(SECOND)).filteredOn(c -> c.startsWith("condor_rm")).singleElement().asString()
                    .contains("ClusterId == 12");
            assertThat(calls(FIRST)).noneMatch(c -> c.startsWith("condor_rm"));
        }
    }

    @Test
    void anAssignedProductionGoesToItsScheddAndTheOthersToTheLeastLoaded() throws IOException {
        WorkArea work = WorkArea.in(dir.resolve("work"), false);
        Production assigned = BatchFixtures.production("assigned");
        Production spread = BatchFixtures.production("spread");
        // the first schedd holds three of our live jobs, the second one
        try (Schedds schedds = schedds(new ScheddAssignment(Map.of(assigned.name(), FIRST)), 3, 1)) {
            schedds.query(Selection.productions(List.of("calo")));

            Submission toFirst = schedds.submit(List.of(work.job(assigned, 67962, 0, 512)));
            Submission toSecond = schedds.submit(List.of(work.job(spread, 67962, 0, 512)));

            assertThat(toFirst.jobs()).extracting(j -> j.id().schedd()).containsExactly(FIRST);
            assertThat(toSecond.jobs()).extracting(j -> j.id().schedd()).containsExactly(SECOND);
            assertThat(calls(FIRST)).filteredOn(c -> c.startsWith("condor_submit")).hasSize(1);
            assertThat(calls(SECOND)).filteredOn(c -> c.startsWith("condor_submit")).hasSize(1);
        }
    }

    @Test
    void whenOneScheddDoesNotAnswerTheWholeQueueIsUnknown() throws IOException {
        CondorSettings silent = FakeTools.settings(Files.createDirectories(dir.resolve("silent")), "echo 'cannot reach the schedd' >&2; exit 1")
                .withScheddName(SECOND).withSubmitUser("submitter");
        try (Schedds schedds = new Schedds(List.of(member(FIRST, 1), new Schedds.Member(SECOND,
                new CondorBatchSystem(silent))), ScheddAssignment.SPREAD_BY_LOAD)) {
            QueueSnapshot queue = schedds.query(Selection.productions(List.of("calo")));

            assertThat(queue.isKnown()).isFalse();
            assertThat(((QueueSnapshot.Unknown) queue).reason()).startsWith(SECOND + ": ");
            assertThat(schedds.health().reachable()).isFalse();
            assertThat(schedds.health().detail()).contains(SECOND + " does not answer");
        }
    }

    @Test
    void anAssignmentToAScheddThatIsNotListedIsRefused() throws IOException {
        ScheddAssignment elsewhere = ScheddAssignment.parse(List.of("calo=sphnxsub03.sdcc.bnl.gov"));

        assertThatThrownBy(() -> new Schedds(List.of(member(FIRST, 1), member(SECOND, 1)), elsewhere))
                .hasMessageContaining("production calo is assigned to schedd sphnxsub03.sdcc.bnl.gov, which is not one of"
                        + " the schedds [" + FIRST + ", " + SECOND + "]");
        assertThatThrownBy(() -> ScheddAssignment.parse(List.of("calo=" + FIRST, "calo=" + SECOND)))
                .hasMessageContaining("production calo is assigned twice");
        assertThatThrownBy(() -> ScheddAssignment.parse(List.of("calo"))).hasMessageContaining("is not PRODUCTION=SCHEDD");
    }

    private Schedds schedds(ScheddAssignment assignment, int jobsOnFirst, int jobsOnSecond) throws IOException {
        return new Schedds(List.of(member(FIRST, jobsOnFirst), member(SECOND, jobsOnSecond)), assignment);
    }

    /** A schedd holding {@code jobs} queued jobs of production calo, clusters 12, 13, ...; it submits as cluster 40. */
    private Schedds.Member member(String name, int jobs) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        StringBuilder queue = new StringBuilder("[");
        for (int i = 0; i < jobs; i++) {
            queue.append(i == 0 ? "" : ",").append("{\"ClusterId\": ").append(12 + i)
                    .append(", \"ProcId\": 0, \"JobStatus\": 1, \"Owner\": \"submitter\", \"ProdOpJobKey\": \"calo/67962/")
                    .append(i).append("\"}");
        }
        Files.writeString(home.resolve("queue.json"), queue.append("]").toString());
        CondorSettings settings = FakeTools.settings(home, "echo \"$*\" >> " + home.resolve("calls") + "\ncase \"$1\" in\n"
                + "  condor_q) cat " + home.resolve("queue.json") + " ;;\n"
                + "  condor_submit) cat >/dev/null; echo '40.0 - 40.0' ;;\n"
                + "  condor_history) echo '[]' ;;\n"
                + "esac").withScheddName(name).withSubmitUser("submitter");
        return new Schedds.Member(name, new CondorBatchSystem(settings));
    }

    private List<String> calls(String schedd) throws IOException {
        Path calls = dir.resolve(schedd).resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
