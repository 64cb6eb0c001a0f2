package gov.bnl.sphenix.production.catalog.ledger.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The weekly table: its rows by the chosen groupings, and the totals over every production asked for.
 *
 * @param since       where the recent period starts
 * @param productions how many productions have jobs in the ledger (among those asked for)
 */
public record WeeklyReport(Instant since, List<ReportGrouping> groupings, List<ReportRow> rows, long productions,
                           JobCounts recentTotal, JobCounts toDateTotal) {

    public WeeklyReport {
        Objects.requireNonNull(since, "since");
        groupings = List.copyOf(groupings);
        rows = List.copyOf(rows);
        Objects.requireNonNull(recentTotal, "recentTotal");
        Objects.requireNonNull(toDateTotal, "toDateTotal");
    }
}
