package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedd shared with other users ({@code scripts/minicondor.sh up}, and a second user made in its
 * root): a job of another owner that carries our attributes is never listed, changed or removed,
 * while ours with the same attributes are.
 */
@Tag("condor")
class CondorSharedScheddTest {

    @TempDir
    Path dir;

    @BeforeEach
    void needsThePool() {
        MiniCondorPool.requireUp();
    }

    /** A held job (it never runs) carrying our attributes for {@code production}. */
    private static String heldJob(String production, String token) {
        return """
                executable = /bin/true
                initialdir = /tmp
                hold = true
                +ProdOpProduction = "%1$s"
                +ProdOpJobKey = "%1$s/67962/0"
                +ProdOpToken = "%2$s"
                request_memory = 512
                queue
                """.formatted(production, token);
    }

    @Test
    void anotherUsersJobWithOurAttributesIsNeitherListedNorChangedNorRemoved() {
        String production = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String token = "tok-" + production;
        long ours = MiniCondorPool.submitAsSubmitter(heldJob(production, token));
        long theirs = MiniCondorPool.submitAsOutsider(heldJob(production, token));
        String theirConstraint = "ClusterId == " + theirs;
        try {
            // no submit user configured: the adapter asks the schedd who it is
            CondorBatchSystem condor = new CondorBatchSystem(MiniCondorPool.settings());

            assertThat(condor.query(production).jobs()).extracting(BatchJob::id)
                    .containsExactly(new BatchJobId(ours, 0));
            assertThat(condor.query(Selection.token(token)).jobs()).extracting(BatchJob::id)
                    .containsExactly(new BatchJobId(ours, 0));

            condor.edit(Selection.production(production), JobEdit.requestMemory(4096));
            condor.remove(Selection.production(production), "shared schedd test");

            await().atMost(Duration.ofSeconds(60)).until(() -> condor.query(production).jobs().isEmpty());
            String left = MiniCondorPool.adminQueue(theirConstraint, "ClusterId,Owner,JobStatus,RequestMemory");
            assertThat(left).as("their job is still queued, held, with its memory")
                    .contains("\"Owner\": \"" + MiniCondorPool.OUTSIDER + "\"")
                    .contains("\"JobStatus\": 5").contains("\"RequestMemory\": 512");

            MiniCondorPool.admin("condor_rm", "-constraint", theirConstraint);
            await().atMost(Duration.ofSeconds(60)).until(() -> MiniCondorPool.adminQueue(theirConstraint, "ClusterId").isBlank());
            assertThat(condor.history(Selection.production(production), 10).jobs()).extracting(BatchJob::id)
                    .as("history lists our removed job, not theirs").containsExactly(new BatchJobId(ours, 0));
        } finally {
            // condor_rm exits 1 when nothing matches any more: clean up only what is still queued
            String both = "ClusterId == " + ours + " || " + theirConstraint;
            if (!MiniCondorPool.adminQueue(both, "ClusterId").isBlank()) {
                MiniCondorPool.admin("condor_rm", "-constraint", both);
            }
        }
    }

    @Test
    void everyToolTalksToTheNamedSchedd() throws IOException {
        String elsewhere = "no-such-schedd.example.org";
        CondorBatchSystem condor = new CondorBatchSystem(MiniCondorPool.settings()
                .withScheddName(elsewhere));

        QueueSnapshot queue = condor.query("anything");

        assertThat(queue.isKnown()).isFalse();
        assertThat(((QueueSnapshot.Unknown) queue).reason()).as("the owner is asked of the named schedd")
                .contains("condor_ping").contains(elsewhere);

        CondorBatchSystem named = new CondorBatchSystem(MiniCondorPool.settings()
                .withScheddName(elsewhere).withSubmitUser("submitter"));
        assertThat(named.query("anything").isKnown()).isFalse();
        assertThat(named.history(Selection.production("anything"), 5).isKnown()).isFalse();
        assertThatThrownBy(() -> named.remove(Selection.production("anything"), "x")).isInstanceOf(BatchSystemException.class);
        assertThat(named.health().reachable()).isFalse();
        WorkArea work = WorkArea.in(dir, false);
        assertThatThrownBy(() -> named.submit(List.of(work.job(BatchFixtures.production("named"), 67962, 0, 512))))
                .isInstanceOfSatisfying(SubmitException.class, e -> assertThat(e.getMessage()).contains(elsewhere));
    }
}
