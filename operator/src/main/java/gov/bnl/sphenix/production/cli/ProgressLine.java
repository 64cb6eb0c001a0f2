package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.plan.Tally;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** One production's progress on one line, with a bar: for logs and terminals that do not redraw. */
final class ProgressLine {

    private static final int WIDTH = 24;

    private ProgressLine() {
    }

    static String of(ProductionStanding s) {
        long total = s.total();
        long done = s.count(Tally.SUCCEEDED) + s.count(Tally.FAILED);
        int filled = total == 0 ? 0 : (int) (WIDTH * done / total);
        return String.format(Locale.ROOT, "%-16s [%s%s] %d/%d done, %d running, %d held, %d failed (%s)", s.production(),
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, s.count(Tally.RUNNING), s.count(Tally.HELD),
                s.count(Tally.FAILED), s.state().name().toLowerCase(Locale.ROOT));
    }

    /** A table redrawn in place on a terminal; a line per production every few passes otherwise. */
    static Consumer<List<ProductionStanding>> display(PrintStream out) {
        boolean terminal = System.console() != null;
        int[] pass = {0};
        return statuses -> {
            if (terminal) {
                out.print("\033[s\033[J" + StatusTable.render(statuses) + "\033[u");
                out.flush();
            } else if (pass[0]++ % 5 == 0) {
                for (ProductionStanding s : statuses) {
                    out.println("  " + of(s));
                }
            }
        };
    }
}
