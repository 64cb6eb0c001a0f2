package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.BatchSystemException;
import gov.bnl.sphenix.production.batch.JobEdit;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.SubmitException;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whose jobs the adapter touches and which schedd it asks, seen from the tools' side: stand-in
 * tools record every command line they are given.
 */
class CondorOwnerTest {

    /** What {@code condor_ping -type schedd -table WRITE} printed on the test pool. */
    static final String PING_TABLE = """
                     Instruction Authentication Encryption Integrity Decision Identity
                           WRITE             FS        AES       AES    ALLOW submitter@vm
            """;

    @TempDir
    Path dir;

    private Path calls;

    /** Tools that record their command line, then answer as {@code answers} (a shell case body) says. */
    private CondorSettings recording(String answers) throws IOException {
        calls = dir.resolve("calls");
        Files.writeString(dir.resolve("ping.txt"), PING_TABLE);
        return FakeTools.settings(dir, "echo \"$*\" >> " + calls + "\ncase \"$1\" in\n"
                + "  condor_ping) cat " + dir.resolve("ping.txt") + " ;;\n" + answers + "\nesac");
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(calls);
    }

    @Test
    void withoutAConfiguredUserTheOwnerIsWhoTheScheddSaysWeAre() throws IOException {
        CondorBatchSystem condor = new CondorBatchSystem(recording(""));

        assertThat(condor.query("calo").isKnown()).isTrue();
        condor.query("calo");

        assertThat(calls()).as("asked once").containsExactly(
                "condor_ping -type schedd -table WRITE",
                "condor_q -allusers -json -constraint Owner =?= \"submitter\" && (ProdOpProduction =?= \"calo\") -attributes "
                        + String.join(",", JobAttributes.QUERY),
                "condor_q -allusers -json -constraint Owner =?= \"submitter\" && (ProdOpProduction =?= \"calo\") -attributes "
                        + String.join(",", JobAttributes.QUERY));
    }

    @Test
    void whenNobodyCanTellTheOwnerNothingIsReadChangedOrSubmitted() throws IOException {
        calls = dir.resolve("calls");
        CondorBatchSystem condor = new CondorBatchSystem(FakeTools.settings(dir,
                "echo \"$*\" >> " + calls + "; echo 'ERROR: couldn'\"'\"'t locate schedd' >&2; exit 1"));
        WorkArea work = WorkArea.in(dir.resolve("work"), false);

        QueueSnapshot queue = condor.query("calo");

        assertThat(queue.isKnown()).isFalse();
        assertThat(((QueueSnapshot.Unknown) queue).reason()).contains("cannot tell which user our jobs belong to")
                .contains("set the submit user");
        assertThat(condor.history(Selection.production("calo"), 5).isKnown()).isFalse();
        assertThatThrownBy(() -> condor.remove(Selection.production("calo"), "x")).isInstanceOf(BatchSystemException.class);
        assertThatThrownBy(() -> condor.submit(List.of(work.job(BatchFixtures.production("nobody"), 67962, 0, 512))))
                .isInstanceOfSatisfying(SubmitException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
        assertThat(calls()).as("only the question who we are").allSatisfy(c -> assertThat(c).startsWith("condor_ping"));
    }

    @Test
    void adsOfOtherOwnersThatArriveAnywayAreDropped() throws IOException {
        // a schedd that ignored the constraint: ours and someone else's job of the same production
        Files.writeString(dir.resolve("queue.json"), """
                [
                {"ClusterId": 7, "ProcId": 0, "JobStatus": 5, "Owner": "submitter", "ProdOpJobKey": "calo/67962/0"},
                {"ClusterId": 9, "ProcId": 0, "JobStatus": 5, "Owner": "prodop-outsider", "ProdOpJobKey": "calo/67962/0"}
                ]
                """);
        CondorBatchSystem condor = new CondorBatchSystem(recording(
                "  condor_q) cat " + dir.resolve("queue.json") + " ;;"));

        assertThat(condor.query("calo").jobs()).extracting(BatchJob::id).containsExactly(new BatchJobId(7, 0));
    }

    @Test
    void theScheddNameReachesEveryToolsCommandLine() throws IOException {
        CondorBatchSystem condor = new CondorBatchSystem(recording("""
                  condor_submit) cat >/dev/null; echo '5.0 - 5.0' ;;
                  condor_history) echo '[]' ;;
                """).withScheddName("schedd@sphnxsub01.sdcc.bnl.gov"));
        WorkArea work = WorkArea.in(dir.resolve("work"), false);
        Selection calo = Selection.production("calo");

        condor.submit(List.of(work.job(BatchFixtures.production("named"), 67962, 0, 512)));
        condor.query(calo);
        condor.history(calo, 5);
        condor.release(calo);
        condor.hold(calo, "why");
        condor.remove(calo, "why");
        condor.edit(calo, JobEdit.requestMemory(4096));
        condor.health();

        assertThat(calls()).extracting(c -> c.substring(0, c.indexOf(' '))).containsExactly("condor_ping",
                "condor_submit", "condor_q", "condor_history", "condor_release", "condor_hold", "condor_rm", "condor_qedit",
                "condor_q");
        assertThat(calls()).allSatisfy(c -> assertThat(c).contains(" -name schedd@sphnxsub01.sdcc.bnl.gov "));
    }
}
