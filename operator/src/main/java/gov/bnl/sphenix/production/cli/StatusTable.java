package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.plan.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status table, laid out like the production team's weekly summaries: one line per
 * production with submitted, running, held, succeeded and failed jobs (with percentages of
 * submitted), events produced, then the top hold reasons of productions with held jobs, the
 * runs that wait, by reason, and the runs produced with fewer events than today's share of the DAQ's.
 */
final class StatusTable {

    private static final String[] HEADER = {"PRODUCTION", "DSTTYPE", "DATASET", "TAG", "STATE", "SUBMITTED", "RUNNING",
            "HELD", "SUCCEEDED", "FAILED", "EVENTS"};

    private StatusTable() {
    }

    static String render(List<ProductionStanding> statuses) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ProductionStanding s : statuses) {
            long submitted = submitted(s);
            rows.add(new String[] {s.production(), s.dsttype(), s.dataset(), s.tag(),
                    s.state().name().toLowerCase(Locale.ROOT), Long.toString(submitted),
                    withShare(s.count(Tally.RUNNING), submitted), withShare(s.count(Tally.HELD), submitted),
                    withShare(s.count(Tally.SUCCEEDED), submitted), withShare(s.count(Tally.FAILED), submitted),
                    humanCount(s.eventsProduced())});
        }
        StringBuilder out = new StringBuilder(table(rows));
        for (ProductionStanding s : statuses) {
            if (!s.topHoldReasons().isEmpty()) {
                out.append('\n').append(s.production()).append(": top hold reasons\n");
                for (Map.Entry<String, Long> reason : s.topHoldReasons().entrySet()) {
                    out.append(String.format("  %6d  %s%n", reason.getValue(), reason.getKey()));
                }
            }
            if (s.waiting().total() > 0) {
                out.append(s.production()).append(": ").append(s.waiting().summary()).append("; prodctl why ")
                        .append(s.production()).append(" tells each run\n");
            }
            // only when some run fell short: a run with fewer events than the DAQ recorded is the shift's to look at
            if (s.eventsAgainstDaq().runsBelowRatio() > 0) {
                out.append(s.production()).append(": ").append(s.eventsAgainstDaq().summary()).append("; prodctl why ")
                        .append(s.production()).append(" lists them\n");
            }
            for (String error : s.errors()) {
                out.append(s.production()).append(": error: ").append(error).append('\n');
            }
        }
        return out.toString();
    }

    /** Every key that has reached the batch system, one way or another. */
    static long submitted(ProductionStanding s) {
        return s.total() - s.count(Tally.READY) - s.count(Tally.LOST);
    }

    private static String withShare(long n, long of) {
        if (of == 0) {
            return Long.toString(n);
        }
        return String.format(Locale.ROOT, "%d (%.1f%%)", n, 100.0 * n / of);
    }

    private static String humanCount(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2fG", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        }
        if (n >= 10_000L) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 5;
                String cell = numeric ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
                out.append(cell).append(i + 1 < row.length ? "  " : "");
            }
            out.append('\n');
        }
        return out.toString().replaceAll(" +\n", "\n");
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
