package gov.bnl.sphenix.production.control;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.Health;
import gov.bnl.sphenix.production.batch.JobEdit;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.SubmitException;
import gov.bnl.sphenix.production.batch.Submission;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission that fails the same way pass after pass (condor_submit exiting 1 on a missing
 * directory) backs off, 1, 2, 4, … passes, is told once, keeps its production stalled with the
 * cause, and recovers by itself once a submission goes through. The batch system is the local
 * executor behind a door that refuses submissions while it is shut.
 */
class SubmissionBackoffTest {

    private static final String STREAMING = "demo-streaming";
    private static final String CAUSE = "demo-streaming: condor_submit exited 1: ERROR: No such directory"
            + " /sphenix/data/logs/run3auau";

    @TempDir
    Path dir;

    private DemoWorld world;

    /** The local executor, except that {@link #submit} fails the same way every time while {@code shut}. */
    private static final class Door implements BatchSystem {
        final BatchSystem local;
        boolean shut = true;
        int attempts;

        Door(BatchSystem local) {
            this.local = local;
        }

        @Override
        public Submission submit(List<JobSpec> jobs) {
            attempts++;
            if (shut) {
                throw new SubmitException(CAUSE, false, List.of());
            }
            return local.submit(jobs);
        }

        @Override
        public QueueSnapshot query(Selection selection) {
            return local.query(selection);
        }

        @Override
        public QueueSnapshot history(Selection selection, int limit) {
            return local.history(selection, limit);
        }

        @Override
        public void release(Selection selection) {
            local.release(selection);
        }

        @Override
        public void hold(Selection selection, String reason) {
            local.hold(selection, reason);
        }

        @Override
        public void remove(Selection selection, String reason) {
            local.remove(selection, reason);
        }

        @Override
        public void edit(Selection selection, JobEdit edit) {
            local.edit(selection, edit);
        }

        @Override
        public Health health() {
            return local.health();
        }

        @Override
        public void close() {
            local.close();
        }
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    @Test
    void aSubmissionFailingTheSameWayBacksOffIsToldOnceAndRecoversWhenOneSucceeds() throws Exception {
        List<Door> doors = new ArrayList<>();
        world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7, data -> {
            Door door = new Door(new LocalExecutor(LocalSettings.defaults().withMaxRunning(2)));
            doors.add(door);
            return door;
        });
        Door door = doors.get(0);
        Engine engine = world.startEngine();
        world.declare("streaming", "Merge pull request #1: start event building");
        engine.refresh();

        List<PassReport> passes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            passes.add(engine.pass());
        }

        assertThat(door.attempts).as("attempts in passes 1, 3, 6 and 11: waits of 1, 2 and 4 passes").isEqualTo(4);
        assertThat(passes.stream().flatMap(p -> p.events().stream()).filter(e -> e.kind() == EventKind.SUBMISSION_STALLED))
                .as("told once").singleElement().extracting(EngineEvent::message).asString().contains("No such directory");
        assertThat(passes).as("a pass error once").filteredOn(p -> !p.errors().isEmpty()).hasSize(1);
        assertThat(passes).allSatisfy(p -> {
            ProductionStanding status = p.status(STREAMING).orElseThrow();
            assertThat(status.state()).isEqualTo(ProductionStanding.State.STALLED);
            assertThat(status.errors()).anySatisfy(e -> assertThat(e).contains("No such directory"));
        });

        door.shut = false;
        PassReport recovered = null;
        for (int i = 0; i < 10 && recovered == null; i++) {
            PassReport pass = engine.pass();
            if (pass.activity(STREAMING).submitted() > 0) {
                recovered = pass;
            }
        }

        assertThat(recovered).as("the next attempt, 8 passes after the fourth failure, goes through").isNotNull();
        assertThat(door.attempts).isEqualTo(5);
        assertThat(recovered.status(STREAMING).orElseThrow().state()).isEqualTo(ProductionStanding.State.PROGRESSING);
        assertThat(recovered.status(STREAMING).orElseThrow().errors()).isEmpty();
    }
}
