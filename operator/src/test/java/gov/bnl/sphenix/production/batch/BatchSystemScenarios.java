package gov.bnl.sphenix.production.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.batch.BatchFixtures.WorkArea;
import gov.bnl.sphenix.production.batch.wrapper.Manifest;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every batch system must do, run against each implementation (the real HTCondor pool and
 * the local executor), so that the demo's executor and production's pool behave alike.
 */
public abstract class BatchSystemScenarios {

    /** Runs ending in 99 run for an hour, 66 take 300 MB, 13 fail: see the fake payload. */
    static final int LONG_RUN = 67999;
    static final int HUNGRY_RUN = 67966;
    static final int FAILING_RUN = 67913;
    static final int QUICK_RUN = 67962;

    private final List<String> productions = new ArrayList<>();

    protected abstract BatchSystem batch();

    protected abstract WorkArea work();

    /** Makes the batch system stop answering (the schedd goes down). */
    protected abstract void stopBatchSystem();

    /** Brings it back after {@link #stopBatchSystem()}. */
    protected abstract void startBatchSystem();

    /** How long a job may take to start, finish or go on hold here. */
    protected abstract Duration patience();

    /** A fresh production for one test; whatever it leaves in the queue is removed after the test. */
    private Production production(String prefix) {
        Production production = BatchFixtures.production(prefix);
        productions.add(production.name());
        return production;
    }

    @AfterEach
    void removeLeftovers() {
        for (String name : productions) {
            if (batch().health().reachable()) {
                batch().remove(Selection.production(name), "test over");
            }
        }
    }

    @Test
    void aThousandJobsGoInOneCallAndAreFoundByConstraint() {
        Production production = production("thousand");
        Production neighbour = production("neighbour");
        List<JobSpec> jobs = work().segments(production, LONG_RUN, 1000, 256);
        batch().submit(List.of(work().job(neighbour, LONG_RUN, 0, 256)));

        Submission submission = batch().submit(jobs);

        assertThat(submission.size()).isEqualTo(1000);
        assertThat(submission.jobs().stream().map(j -> j.id().cluster()).distinct()).as("one cluster").hasSize(1);
        assertThat(submission.jobs().stream().map(j -> j.id().proc()).toList())
                .as("procs in submission order").isEqualTo(java.util.stream.IntStream.range(0, 1000).boxed().toList());
        QueueSnapshot queue = batch().query(production.name());
        assertThat(queue.isKnown()).isTrue();
        assertThat(queue.jobs()).hasSize(1000).allSatisfy(job -> {
            assertThat(job.isLive()).isTrue();
            assertThat(job.batchToken()).isEqualTo(jobs.get(0).batchToken());
            assertThat(job.requestMemoryMib()).isEqualTo(256);
        });
        assertThat(queue.jobs().stream().map(j -> j.key().orElseThrow()).collect(Collectors.toSet()))
                .isEqualTo(jobs.stream().map(JobSpec::key).collect(Collectors.toSet()));
        assertThat(queue.jobs().stream().collect(Collectors.toMap(j -> j.key().orElseThrow(), BatchJob::id)))
                .as("every job under the id submit returned").isEqualTo(submission.idsByKey());

        List<JobKey> three = List.of(jobs.get(7).key(), jobs.get(500).key(), jobs.get(999).key());
        assertThat(batch().query(Selection.keys(three)).jobs()).extracting(j -> j.key().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(three);
        assertThat(batch().query(Selection.token(jobs.get(0).batchToken())).jobs()).hasSize(1000);

        batch().remove(Selection.production(production.name()), "test over");
        await().atMost(patience()).untilAsserted(() -> assertThat(batch().query(production.name()).jobs()).isEmpty());
        assertThat(batch().query(neighbour.name()).jobs()).as("another production's job stays").hasSize(1);
        assertThat(batch().history(Selection.production(production.name()), 2000).jobs())
                .hasSize(1000).allSatisfy(job -> assertThat(job.state()).isEqualTo(BatchState.REMOVED));
        batch().remove(Selection.production(neighbour.name()), "test over");
    }

    @Test
    void aJobOverItsMemoryIsHeldAndRunsAgainWithMoreMemory() throws Exception {
        Production production = production("hungry");
        JobSpec job = work().job(production, HUNGRY_RUN, 0, 200);
        BatchJobId id = batch().submit(List.of(job)).idOf(job.key());

        BatchJob held = await().atMost(patience()).until(() -> batch().query(Selection.id(id)).jobs().stream()
                .filter(j -> j.state() == BatchState.HELD).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(held.isHeldForMemory()).as("held for memory: %s", held).isTrue();
        assertThat(held.hold().orElseThrow().reason()).contains("memory usage").contains("200 MB");
        assertThat(held.memoryUsageMib().orElseThrow()).isGreaterThan(200);
        assertThat(held.requestMemoryMib()).isEqualTo(200);

        batch().edit(Selection.id(id), JobEdit.requestMemory(1024));
        assertThat(batch().query(Selection.id(id)).jobs().get(0).requestMemoryMib()).isEqualTo(1024);
        batch().release(Selection.id(id));

        BatchJob done = await().atMost(patience().multipliedBy(2)).until(
                () -> batch().history(Selection.id(id), 1).jobs(), l -> !l.isEmpty()).get(0);
        assertThat(done.state()).isEqualTo(BatchState.COMPLETED);
        assertThat(done.exitCode()).hasValue(0);
        assertThat(done.numJobStarts()).isEqualTo(2);
        assertThat(done.requestMemoryMib()).isEqualTo(1024);
        Manifest manifest = Manifest.read(job.files().manifest());
        assertThat(manifest.exitCode()).isZero();
        assertThat(manifest.batchId()).isEqualTo(id.toString());
        assertThat(manifest.outputs()).extracting(Manifest.Output::lfn)
                .containsExactlyElementsOf(job.outputs().stream().map(JobOutput::lfn).toList());
        assertThat(job.outputs()).allSatisfy(o -> assertThat(o.destination()).isRegularFile());
    }

    @Test
    void aFailingPayloadCompletesWithItsExitCodeAndPublishesNothing() throws Exception {
        Production production = production("failing");
        JobSpec job = work().job(production, FAILING_RUN, 3, 256);
        BatchJobId id = batch().submit(List.of(job)).idOf(job.key());

        BatchJob done = await().atMost(patience()).until(() -> batch().history(Selection.id(id), 1).jobs(),
                l -> !l.isEmpty()).get(0);

        assertThat(done.state()).isEqualTo(BatchState.COMPLETED);
        assertThat(done.exitCode()).hasValue(13);
        assertThat(Manifest.read(job.files().manifest()).exitCode()).isEqualTo(13);
        assertThat(job.outputs()).allSatisfy(o -> assertThat(o.destination()).doesNotExist());
        assertThat(job.files().stdout()).content().contains("run " + FAILING_RUN + " segment 3");
        assertThat(job.files().stderr()).content().contains("segmentation violation (simulated)");
    }

    @Test
    void removeByConstraintTakesOnlyTheSelectedJobs() {
        Production production = production("remove");
        List<JobSpec> jobs = work().segments(production, LONG_RUN, 4, 256);
        Submission submission = batch().submit(jobs);

        batch().remove(Selection.production(production.name()).and(Selection.keys(List.of(jobs.get(1).key(),
                jobs.get(2).key()))), "two of four");

        await().atMost(patience()).untilAsserted(() -> assertThat(batch().query(production.name()).jobs())
                .extracting(BatchJob::id)
                .containsExactlyInAnyOrder(submission.idOf(jobs.get(0).key()), submission.idOf(jobs.get(3).key())));
        batch().hold(Selection.production(production.name()), "parked by the test");
        await().atMost(patience()).untilAsserted(() -> assertThat(batch().query(production.name()).jobs())
                .allSatisfy(j -> assertThat(j.hold()).hasValueSatisfying(h -> {
                    assertThat(h.code()).isEqualTo(Hold.BY_USER);
                    // HTCondor appends who held it: "parked by the test (by user submitter)"
                    assertThat(h.reason()).startsWith("parked by the test");
                })));
        batch().remove(Selection.production(production.name()), "test over");
        await().atMost(patience()).untilAsserted(() -> assertThat(batch().query(production.name()).jobs()).isEmpty());
        // nothing matches any more: not an error
        batch().remove(Selection.production(production.name()), "again");
        batch().edit(Selection.production(production.name()), JobEdit.requestMemory(512));
    }

    @Test
    void aBatchSystemThatDoesNotAnswerIsUnknownNotEmpty() {
        Production production = production("down");
        JobSpec job = work().job(production, LONG_RUN, 0, 256);
        batch().submit(List.of(job));
        try {
            stopBatchSystem();

            QueueSnapshot queue = batch().query(production.name());
            assertThat(queue.isKnown()).isFalse();
            assertThat(queue).isInstanceOf(QueueSnapshot.Unknown.class);
            assertThatThrownBy(queue::jobs).isInstanceOf(BatchSystemException.class);
            assertThat(batch().health().reachable()).isFalse();
            assertThatThrownBy(() -> batch().release(Selection.production(production.name())))
                    .isInstanceOf(BatchSystemException.class);
        } finally {
            startBatchSystem();
        }
        await().atMost(patience()).until(() -> batch().health().reachable());
        if (queueSurvivesRestart()) {
            assertThat(batch().query(production.name()).jobs()).as("the queue survives").hasSize(1);
        }
        batch().remove(Selection.production(production.name()), "test over");
    }

    /** A schedd keeps its queue on disk; the local executor's queue lives and dies with it. */
    protected abstract boolean queueSurvivesRestart();
}
