package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.plan.Tally;
import java.util.Locale;

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
}
