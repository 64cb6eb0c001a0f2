package gov.bnl.sphenix.production.catalog.ledger.report;

import java.util.List;
import java.util.Objects;

/**
 * One line pair of the weekly table: the values of the groupings ({@code DST_CALO}, {@code physics})
 * and the counts of the recent period and to date.
 */
public record ReportRow(List<String> group, JobCounts recent, JobCounts toDate) {

    public ReportRow {
        group = List.copyOf(group);
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(toDate, "toDate");
    }
}
