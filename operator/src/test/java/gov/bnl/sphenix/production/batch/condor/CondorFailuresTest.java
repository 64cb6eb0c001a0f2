package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.batch.BatchFixtures;
import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.BatchSystemException;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.SubmitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the adapter reads tools that fail or hang, without a pool: the command prefix points at
 * small scripts standing in for the wrapper that enters the pool. The same paths run against the
 * real pool in {@link CondorBatchSystemTest}.
 */
class CondorFailuresTest {

    @TempDir
    Path dir;

    private CondorBatchSystem condorBehind(String script) throws IOException {
        return new CondorBatchSystem(FakeTools.settings(dir, script).withSubmitUser("submitter"));
    }

    @Test
    void aScheddThatRefusesIsUnknownNotEmpty() throws IOException {
        CondorBatchSystem condor = condorBehind("echo 'Error: Can not find address for schedd' >&2; exit 1");

        QueueSnapshot queue = condor.query("calo");

        assertThat(queue.isKnown()).isFalse();
        assertThat(((QueueSnapshot.Unknown) queue).reason()).contains("condor_q exited with 1")
                .contains("Can not find address for schedd");
        assertThat(condor.history(Selection.production("calo"), 10).isKnown()).isFalse();
        assertThat(condor.health().reachable()).isFalse();
    }

    @Test
    void aScheddThatHangsIsUnknownAfterTheTimeout() throws IOException {
        CondorBatchSystem condor = condorBehind("exec sleep 30");

        QueueSnapshot queue = condor.query("calo");

        assertThat(queue.isKnown()).isFalse();
        assertThat(((QueueSnapshot.Unknown) queue).reason()).contains("did not answer within");
        assertThatThrownBy(() -> condor.release(Selection.production("calo"))).isInstanceOf(BatchSystemException.class);
    }

    @Test
    void garbledOutputIsUnknownNotEmpty() throws IOException {
        CondorBatchSystem condor = condorBehind("echo 'Segmentation fault (core dumped)'; exit 0");

        assertThat(condor.query("calo").isKnown()).isFalse();
    }

    @Test
    void aRefusedSubmissionQueuedNothingButATimedOutOneMayHave() throws IOException {
        WorkArea work = WorkArea.in(dir.resolve("work"), false);
        var job = work.job(BatchFixtures.production("refused"), 67962, 0, 2048);

        assertThatThrownBy(() -> condorBehind("cat >/dev/null; echo 'ERROR: Failed to connect to local queue manager' >&2; exit 1")
                .submit(List.of(job)))
                .isInstanceOfSatisfying(SubmitException.class, e -> {
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.getMessage()).contains("Failed to connect to local queue manager");
                });
        assertThatThrownBy(() -> condorBehind("cat >/dev/null; exec sleep 30").submit(List.of(job)))
                .isInstanceOfSatisfying(SubmitException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThatThrownBy(() -> condorBehind("cat >/dev/null; echo '7.0 - 7.4'").submit(List.of(job)))
                .as("five ids for one job").isInstanceOfSatisfying(SubmitException.class,
                        e -> assertThat(e.outcomeUnknown()).isTrue());
    }

    @Test
    void theDescriptionGoesToCondorSubmitOnStandardInput() throws IOException {
        Path received = dir.resolve("received.sub");
        WorkArea work = WorkArea.in(dir.resolve("work"), false);
        var job = work.job(BatchFixtures.production("stdin"), 67962, 0, 2048);
        CondorBatchSystem condor = condorBehind("cat > " + received + "; echo '12.0 - 12.0'");

        var submission = condor.submit(List.of(job));

        assertThat(submission.idOf(job.key()).toString()).isEqualTo("12.0");
        assertThat(received).content().startsWith("# 1 job of production " + job.production())
                .contains("\n" + job.key() + ",").endsWith(")\n");
        try (var files = Files.list(job.files().directory())) {
            Path bundle = files.filter(p -> p.getFileName().toString().endsWith(".bundle")).findFirst().orElseThrow();
            assertThat(bundle).as("the input bundle is written before submission")
                    .content().isEqualTo("# " + job.key() + "\n" + String.join("\n", job.inputs()) + "\n");
            assertThat(received).content().contains("--inputs " + bundle + "@");
        }
    }
}
