package gov.bnl.sphenix.production.catalog.ledger.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the weekly table is broken down by. Each word maps to a fixed SQL expression: the user
 * picks from this list, nothing they type reaches the statement.
 */
public enum ReportGrouping {
    PRODUCTION("j.production"),
    DSTTYPE("j.dsttype"),
    DATASET("j.dataset"),
    TAG("j.tag"),
    /** From the DAQ's run table, joined by run number; a run the DAQ does not list is {@value #UNKNOWN_RUNTYPE}. */
    RUNTYPE("coalesce(r.runtype, '" + ReportGrouping.UNKNOWN_RUNTYPE + "')");

    public static final String UNKNOWN_RUNTYPE = "unknown";

    private final String expression;

    ReportGrouping(String expression) {
        this.expression = expression;
    }

    String expression() {
        return expression;
    }

    /** The word in {@code --by} and in column headers. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "dsttype,runtype"}: the groupings in the order given; a clear error naming the words there are. */
    public static List<ReportGrouping> parse(String words) {
        List<ReportGrouping> groupings = new ArrayList<>();
        for (String word : words.split(",")) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            ReportGrouping grouping = Arrays.stream(values()).filter(g -> g.word().equals(w)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--by: '" + word.strip() + "' is not one of "
                            + Arrays.stream(values()).map(ReportGrouping::word).collect(Collectors.joining(", "))));
            if (groupings.contains(grouping)) {
                throw new IllegalArgumentException("--by: '" + w + "' is given twice");
            }
            groupings.add(grouping);
        }
        return groupings;
    }
}
