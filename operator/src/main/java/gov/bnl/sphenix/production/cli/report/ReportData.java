package gov.bnl.sphenix.production.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gov.bnl.sphenix.production.catalog.ledger.report.JobCounts;
import gov.bnl.sphenix.production.catalog.ledger.report.ReportGrouping;
import gov.bnl.sphenix.production.catalog.ledger.report.ReportRow;
import gov.bnl.sphenix.production.catalog.ledger.report.WeeklyReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The weekly table for programs: CSV with one line per group and period, JSON with both periods per group. */
public final class ReportData {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportData() {
    }

    /** A header line, then {@code <groups>,<period>,<counts>}; the totals are the lines whose groups are {@code all}. */
    public static String csv(WeeklyReport report, String period) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(report.groupings().stream().map(ReportGrouping::word).toList());
        header.add("period");
        header.addAll(ReportText.COUNT_COLUMNS);
        out.append(String.join(",", header)).append('\n');
        List<String> all = report.groupings().stream().map(g -> "all").toList();
        for (ReportRow row : report.rows()) {
            csvLine(out, row.group(), period, row.recent());
            csvLine(out, row.group(), "to date", row.toDate());
        }
        csvLine(out, all, period, report.recentTotal());
        csvLine(out, all, "to date", report.toDateTotal());
        return out.toString();
    }

    private static void csvLine(StringBuilder out, List<String> group, String period, JobCounts c) {
        List<String> cells = new ArrayList<>(group.stream().map(ReportData::quoted).toList());
        cells.add(period);
        for (long n : ReportText.values(c)) {
            cells.add(Long.toString(n));
        }
        out.append(String.join(",", cells)).append('\n');
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    public static String json(WeeklyReport report, String period) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("since", report.since().toString());
        root.put("period", period);
        root.put("by", report.groupings().stream().map(ReportGrouping::word).toList());
        root.put("productions", report.productions());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportRow row : report.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < report.groupings().size(); i++) {
                r.put(report.groupings().get(i).word(), row.group().get(i));
            }
            r.put("recent", counts(row.recent()));
            r.put("toDate", counts(row.toDate()));
            rows.add(r);
        }
        root.put("rows", rows);
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("recent", counts(report.recentTotal()));
        total.put("toDate", counts(report.toDateTotal()));
        root.put("total", total);
        return JSON.writeValueAsString(root);
    }

    private static Map<String, Object> counts(JobCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        long[] values = ReportText.values(c);
        for (int i = 0; i < values.length; i++) {
            m.put(ReportText.COUNT_COLUMNS.get(i), values[i]);
        }
        return m;
    }
}
