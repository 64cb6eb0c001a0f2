package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.control.SourceReport;
import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.tools.world.PassPace;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Engine passes over a try's world until its productions' jobs have ended: no job of theirs is
 * ready, submitting, queued, running, held or awaiting its harvest, in two passes in a row (a
 * harvest can make a downstream job ready only for the next pass to see). Bounded by a timeout.
 */
public final class TrialLoop {

    /** Where a job key still has something coming: the loop goes on while any production has one. */
    private static final Set<Tally> UNFINISHED = Set.of(Tally.READY, Tally.SUBMITTING, Tally.QUEUED, Tally.RUNNING,
            Tally.HELD, Tally.COMPLETED);
    private static final int IDLE_PASSES_TO_STOP = 2;

    private final TrialWorld world;
    private final PrintStream out;
    private final PassPace pace;
    private final Consumer<List<ProductionStanding>> progress;

    /** @param pace its {@link PassPace#stop} stops the try after its current pass */
    public TrialLoop(TrialWorld world, PrintStream out, PassPace pace, Consumer<List<ProductionStanding>> progress) {
        this.world = world;
        this.out = out;
        this.pace = pace;
        this.progress = progress;
    }


    /**
     * @return the last pass's standings of the tried productions; empty if the timeout came first
     */
    public Optional<List<ProductionStanding>> run() throws IOException, SQLException, InterruptedException {
        Engine engine = world.world().startEngine();
        SourceReport source = engine.refresh();
        if (!source.ready()) {
            throw new IllegalStateException("the engine did not take the try's specs: "
                    + source.fetchError().orElseGet(() -> source.rejected().toString()));
        }
        pace.start();
        int idle = 0;
        while (!pace.overdue()) {
            PassReport pass = engine.pass();
            pass.events().stream().filter(TrialLoop::worthTelling).forEach(e -> out.println("  " + e));
            List<ProductionStanding> tried = tried(pass);
            progress.accept(tried);
            idle = tried.size() == world.productions().size() && tried.stream().noneMatch(TrialLoop::unfinished)
                    ? idle + 1 : 0;
            if (idle == IDLE_PASSES_TO_STOP) {
                return Optional.of(tried);
            }
            pace.pause("the try");
        }
        return Optional.empty();
    }

    private List<ProductionStanding> tried(PassReport pass) {
        return world.productions().stream().map(Production::name).map(pass::status).flatMap(Optional::stream).toList();
    }

    private static boolean unfinished(ProductionStanding s) {
        return UNFINISHED.stream().anyMatch(t -> s.count(t) > 0);
    }

    /**
     * What the productions still had coming, for the message of a try that timed out:
     * {@code "streaming-event: 3 queued, 1 held"}, one per production with something unfinished.
     */
    public static List<String> stillGoing(List<ProductionStanding> standings) {
        return standings.stream().filter(TrialLoop::unfinished)
                .map(s -> s.production() + ": " + UNFINISHED.stream().sorted()
                        .filter(t -> s.count(t) > 0)
                        .map(t -> s.count(t) + " " + t.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")))
                .toList();
    }

    /** Failures, holds and releases are worth a line; submissions and harvests show in the progress lines. */
    private static boolean worthTelling(EngineEvent event) {
        return event.kind() != EventKind.REGISTERED && event.kind() != EventKind.SUBMITTED
                && event.kind() != EventKind.DECLARED && event.kind() != EventKind.APPLIED;
    }
}
