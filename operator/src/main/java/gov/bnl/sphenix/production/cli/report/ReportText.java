package gov.bnl.sphenix.production.cli.report;

import gov.bnl.sphenix.production.catalog.ledger.report.JobCounts;
import gov.bnl.sphenix.production.catalog.ledger.report.ReportGrouping;
import gov.bnl.sphenix.production.catalog.ledger.report.ReportRow;
import gov.bnl.sphenix.production.catalog.ledger.report.WeeklyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The weekly table as the production meetings lay it out: per product and run type, a line for the
 * recent period and one to date, the counts in columns; then what the words mean, and one line to
 * grep. The markdown form is the same table for a meeting page.
 */
public final class ReportText {

    static final List<String> COUNT_COLUMNS = List.of("submitted", "started", "ran", "failed", "held", "finished",
            "events");

    /** What the columns count; printed under every table so nobody has to guess. */
    public static final List<String> FOOTNOTE = List.of(
            "submitted: jobs whose latest attempt was submitted; started: began to run on a worker (seen running, or",
            "else ended after running: then counted when it ended); ran: ran to its end, succeeded or failed;",
            "failed: failed for good; held: put on hold at least once, released since or not; finished: succeeded,",
            "outputs registered; events: in the finished jobs' outputs. Each job counts once, by its latest attempt;",
            "run types are the DAQ's.");

    private ReportText() {
    }

    public static String text(WeeklyReport report, String period) {
        List<String[]> rows = rows(report, period);
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int labels = report.groupings().size() + 1;
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i < labels ? pad(row[i], widths[i]) : padLeft(row[i], widths[i]);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.append('\n').append(String.join("\n", FOOTNOTE)).append('\n').append(lastLine(report)).append('\n')
                .toString();
    }

    public static String markdown(WeeklyReport report, String period) {
        List<String[]> rows = rows(report, period);
        int labels = report.groupings().size() + 1;
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                for (int i = 0; i < rows.get(0).length; i++) {
                    out.append(i < labels ? "|---" : "|---:");
                }
                out.append("|\n");
            }
        }
        return out.append('\n').append(String.join(" ", FOOTNOTE)).append("\n\n").append(lastLine(report))
                .append('\n').toString();
    }

    /**
     * {@code report: <n> productions, <s> submitted, <f> finished, <h> held, <x> failed since <instant>},
     * counted over the recent period.
     */
    public static String lastLine(WeeklyReport report) {
        JobCounts c = report.recentTotal();
        return "report: " + report.productions() + " productions, " + c.submitted() + " submitted, " + c.finished()
                + " finished, " + c.held() + " held, " + c.failed() + " failed since " + report.since();
    }

    /** Header, then two lines per group (the group's values only on the first), then the totals. */
    private static List<String[]> rows(WeeklyReport report, String period) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        report.groupings().stream().map(ReportGrouping::word).forEach(header::add);
        header.add("period");
        header.addAll(COUNT_COLUMNS);
        rows.add(header.stream().map(h -> h.toUpperCase(Locale.ROOT)).toArray(String[]::new));
        for (ReportRow row : report.rows()) {
            rows.add(line(row.group(), period, row.recent()));
            rows.add(line(row.group().stream().map(g -> "").toList(), "to date", row.toDate()));
        }
        List<String> total = new ArrayList<>();
        total.add("all");
        while (total.size() < report.groupings().size()) {
            total.add("");
        }
        rows.add(line(total, period, report.recentTotal()));
        rows.add(line(total.stream().map(g -> "").toList(), "to date", report.toDateTotal()));
        return rows;
    }

    private static String[] line(List<String> group, String period, JobCounts c) {
        List<String> cells = new ArrayList<>(group);
        cells.add(period);
        for (long n : values(c)) {
            cells.add(Long.toString(n));
        }
        return cells.toArray(String[]::new);
    }

    static long[] values(JobCounts c) {
        return new long[] {c.submitted(), c.started(), c.ran(), c.failed(), c.held(), c.finished(), c.events()};
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
