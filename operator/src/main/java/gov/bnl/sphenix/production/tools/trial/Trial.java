package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.tools.world.PassPace;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A try told on {@code out}: which production tries which runs, the engine's passes until the jobs
 * end, then per production what came of it and the total as the last line.
 */
public final class Trial {

    private Trial() {
    }

    /**
     * @return the summary, whose {@link TrialSummary#lastLine} was printed last
     * @throws IllegalStateException when the jobs had not ended within the pace's timeout (the
     *                               summary of what had ended is printed first)
     */
    public static TrialSummary run(TrialWorld trial, PrintStream out, PassPace pace,
                                   Consumer<List<ProductionStanding>> progress)
            throws IOException, SQLException, InterruptedException {
        for (Production p : trial.productions()) {
            out.println("prodctl try: " + p.name() + " (" + p.dsttype() + ") on runs " + trial.runs().get(p.name()));
        }
        Optional<List<ProductionStanding>> ended = new TrialLoop(trial, out, pace, progress).run();
        List<ProductionStanding> last = ended.isPresent() ? ended.get() : trial.world().statuses();
        TrialSummary summary = TrialSummary.of(trial, last);
        out.println();
        summary.productions().stream().map(ProductionOutcome::describe).forEach(out::println);
        out.println("left for inspection in " + trial.world().root() + ": data/ (dst, hist, log), specs-work/ (the"
                + " productions tried), raw/ (their raw files), postgres/ (the catalogs)");
        out.println(summary.lastLine());
        if (ended.isEmpty()) {
            throw new IllegalStateException("the jobs had not ended after " + pace.timeout() + " ("
                    + String.join("; ", TrialLoop.stillGoing(last)) + "); what they left is in " + trial.world().root());
        }
        return summary;
    }
}
