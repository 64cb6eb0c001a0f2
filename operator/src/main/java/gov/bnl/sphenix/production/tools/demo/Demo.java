package gov.bnl.sphenix.production.tools.demo;

import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.ProductionActivity;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.tools.world.PassPace;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The demo's story, told by commits to the specs repository while the engine reconciles:
 *
 * <ol>
 *   <li>a pull request declaring event building is merged: jobs are submitted and harvested;</li>
 *   <li>once streams are built, clustering is declared: it starts as soon as its inputs land;</li>
 *   <li>then seeding; one run's jobs outgrow their memory, are held, and released a rung higher;</li>
 *   <li>once seeding is under way, its pull request is reverted: its jobs are killed and, as its
 *       removal policy says, its outputs deleted;</li>
 *   <li>the remaining productions run to completion.</li>
 * </ol>
 */
public final class Demo {

    private enum Step { STREAMING, CLUSTER, SEED, REVERT, FINISH, DONE }

    private final DemoWorld world;
    private final PrintStream out;
    private final PassPace pace;
    private final Consumer<List<ProductionStanding>> progress;
    private ProductionActivity total = ProductionActivity.NONE;
    private Step step = Step.STREAMING;
    private RevCommit seedCommit;

    /** @param pace its {@link PassPace#stop} stops the demo after its current pass */
    public Demo(DemoWorld world, PrintStream out, PassPace pace, Consumer<List<ProductionStanding>> progress) {
        this.world = world;
        this.out = out;
        this.pace = pace;
        this.progress = progress;
    }


    public DemoSummary run() throws IOException, SQLException, InterruptedException {
        Engine engine = world.startEngine();
        pace.start();
        while (step != Step.DONE) {
            if (pace.overdue()) {
                throw new IllegalStateException("the demo did not finish within " + pace.timeout() + " (at step " + step
                        + "); what it left is in " + world.root());
            }
            advance(engine);
            engine.refresh();
            PassReport pass = engine.pass();
            total = total.plus(pass.totalActivity());
            pass.events().stream().filter(Demo::worthTelling).forEach(e -> out.println("  " + e));
            progress.accept(pass.statuses());
            if (step == Step.FINISH && finished(pass)) {
                step = Step.DONE;
            } else {
                pace.pause("the demo");
            }
        }
        return summary();
    }

    /** Moves the story on when the productions got far enough. */
    private void advance(Engine engine) throws IOException, SQLException {
        List<ProductionStanding> statuses = engine.statuses();
        switch (step) {
            case STREAMING -> {
                say("merging pull request #1: start event building (" + world.nameOf("streaming") + ")");
                world.declare("streaming", "Merge pull request #1: start event building of the MVTX streams");
                step = Step.CLUSTER;
            }
            case CLUSTER -> {
                if (count(statuses, world.nameOf("streaming"), Tally.SUCCEEDED) >= 6) {
                    say("merging pull request #2: start clustering (" + world.nameOf("cluster") + ")");
                    world.declare("cluster", "Merge pull request #2: start clustering");
                    step = Step.SEED;
                }
            }
            case SEED -> {
                if (count(statuses, world.nameOf("cluster"), Tally.SUCCEEDED) >= 2) {
                    say("merging pull request #3: start seeding (" + world.nameOf("seed") + ")");
                    seedCommit = world.declare("seed", "Merge pull request #3: start seeding");
                    step = Step.REVERT;
                }
            }
            case REVERT -> {
                long inFlight = count(statuses, world.nameOf("seed"), Tally.QUEUED) + count(statuses, world.nameOf("seed"), Tally.RUNNING)
                        + count(statuses, world.nameOf("seed"), Tally.SUBMITTING);
                if (count(statuses, world.nameOf("seed"), Tally.SUCCEEDED) >= 2 && inFlight > 0) {
                    say("git revert of pull request #3: stop seeding, delete its outputs");
                    world.specs().revertAndPush(seedCommit);
                    step = Step.FINISH;
                }
            }
            default -> {
            }
        }
    }

    /** Done when seeding is gone and the others have nothing left to do. */
    private boolean finished(PassReport pass) {
        if (pass.status(world.nameOf("seed")).isPresent()) {
            return false;
        }
        return pass.statuses().stream().allMatch(s -> s.state() == ProductionStanding.State.COMPLETE);
    }

    /**
     * The summary; duplicates are counted from the batch system's own record. If the batch system
     * cannot say, that is an error rather than a zero.
     */
    private DemoSummary summary() {
        List<BatchJob> every = new ArrayList<>();
        for (String production : List.of(world.nameOf("streaming"), world.nameOf("cluster"), world.nameOf("seed"))) {
            QueueSnapshot queued = world.batch().query(production);
            QueueSnapshot history = world.batch().history(Selection.production(production), 100_000);
            if (!queued.isKnown() || !history.isKnown()) {
                throw new IllegalStateException("the batch system cannot list the jobs of " + production
                        + ", so duplicate submissions cannot be counted");
            }
            every.addAll(queued.jobs());
            every.addAll(history.jobs());
        }
        return new DemoSummary(total.harvested(), total.released(), total.killedByRemoval(), total.outputsRegistered(),
                total.outputsDeleted(), DuplicateCheck.count(every, Instant.now()), world.root());
    }

    private static long count(List<ProductionStanding> statuses, String production, Tally tally) {
        return statuses.stream().filter(s -> s.production().equals(production)).mapToLong(s -> s.count(tally)).sum();
    }

    /** The story's events; routine harvests and submissions show in the table instead. */
    private static boolean worthTelling(EngineEvent event) {
        return event.kind() != EventKind.REGISTERED;
    }

    private void say(String line) {
        out.println("==> " + line);
    }
}
