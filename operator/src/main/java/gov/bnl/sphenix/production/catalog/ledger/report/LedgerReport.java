package gov.bnl.sphenix.production.catalog.ledger.report;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Counts the weekly table in the ledger's database: one aggregate statement over the job table
 * and the hold history, grouped there (the ledger holds millions of rows; none of them travels),
 * with a grouping set for the totals. Each count is a {@code FILTER} over one scan, so "since"
 * and "to date" come from the same rows in the same snapshot and always agree.
 */
public final class LedgerReport {

    /** Which runs the ledger has jobs of, to look their run types up in the DAQ's table. */
    private static final String RUNS = """
            SELECT DISTINCT run FROM job WHERE cardinality(?::text[]) = 0 OR production = ANY (?)""";

    // %1$s: the grouping expressions. The parameters, in order: run numbers and run types (the DAQ's
    // answer, as a table), the start of the period (seven times), the productions asked for (twice).
    private static final String COUNTS = """
            WITH run_type (run, runtype) AS (SELECT * FROM unnest(?::integer[], ?::text[])),
                 held AS (SELECT job_id, bool_or(held_at >= ?) AS recently FROM job_hold GROUP BY job_id)
            SELECT %1$s,
                   count(*) FILTER (WHERE j.submitted_at >= ?) AS submitted_recently,
                   count(j.submitted_at) AS submitted,
                   count(*) FILTER (WHERE w.started_at >= ?) AS started_recently,
                   count(w.started_at) AS started,
                   count(*) FILTER (WHERE w.ran AND j.ended_at >= ?) AS ran_recently,
                   count(*) FILTER (WHERE w.ran) AS ran,
                   count(*) FILTER (WHERE j.state = 'failed' AND j.ended_at >= ?) AS failed_recently,
                   count(*) FILTER (WHERE j.state = 'failed') AS failed,
                   count(*) FILTER (WHERE h.recently) AS held_recently,
                   count(h.job_id) AS held,
                   count(*) FILTER (WHERE j.state = 'succeeded' AND j.ended_at >= ?) AS finished_recently,
                   count(*) FILTER (WHERE j.state = 'succeeded') AS finished,
                   coalesce(sum(j.nevents) FILTER (WHERE j.state = 'succeeded' AND j.ended_at >= ?), 0) AS events_recently,
                   coalesce(sum(j.nevents) FILTER (WHERE j.state = 'succeeded'), 0) AS events,
                   GROUPING(%1$s) <> 0 AS total
              FROM job j
              LEFT JOIN run_type r ON r.run = j.run
              LEFT JOIN held h ON h.job_id = j.id
              -- A pass records started_at only when it sees the job running; one that ran between two
              -- passes has none, but it ran all the same: it started at the latest when it ended.
              CROSS JOIN LATERAL (
                   SELECT j.submitted_at IS NOT NULL AND j.state IN ('succeeded', 'failed') AS ran,
                          coalesce(j.started_at, CASE WHEN j.submitted_at IS NOT NULL
                                                       AND j.state IN ('succeeded', 'failed') THEN j.ended_at END)
                              AS started_at) w
             WHERE cardinality(?::text[]) = 0 OR j.production = ANY (?)
             GROUP BY GROUPING SETS ((%1$s), ())
             ORDER BY total, %1$s""";

    // From the production table through the job table's (production, state) index: a count(DISTINCT)
    // in the aggregate above would make it sort every row.
    private static final String PRODUCTIONS = """
            SELECT count(*) FROM production p
             WHERE (cardinality(?::text[]) = 0 OR p.name = ANY (?))
               AND EXISTS (SELECT 1 FROM job j WHERE j.production = p.name)""";

    private final DataSource ledger;
    private final Retry retry;
    private final RunTypes runTypes;

    public LedgerReport(DataSource ledger, RunTypes runTypes, Retry retry) {
        this.ledger = ledger;
        this.runTypes = runTypes;
        this.retry = retry;
    }

    /**
     * The table of {@code productions} (all when empty) by {@code groupings}, with the recent period
     * starting at {@code since}.
     */
    public WeeklyReport report(List<String> productions, List<ReportGrouping> groupings, Instant since)
            throws SQLException {
        if (groupings.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one grouping");
        }
        Map<Integer, String> types = groupings.contains(ReportGrouping.RUNTYPE)
                ? runTypes.of(runs(productions)) : Map.of();
        String sql = COUNTS.formatted(groupings.stream().map(ReportGrouping::expression).collect(Collectors.joining(", ")));
        return Transactions.run(ledger, retry, "the weekly report", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                s.setArray(p++, SqlArrays.ints(c, types.keySet()));
                s.setArray(p++, SqlArrays.texts(c, types.values()));
                for (int i = 0; i < 7; i++) {
                    SqlTimes.set(s, p++, since);
                }
                s.setArray(p++, SqlArrays.texts(c, productions));
                s.setArray(p, SqlArrays.texts(c, productions));
                return read(s, groupings, since, productionsWithJobs(c, productions));
            }
        });
    }

    private static WeeklyReport read(PreparedStatement s, List<ReportGrouping> groupings, Instant since,
                                     long productions) throws SQLException {
        List<ReportRow> rows = new ArrayList<>();
        JobCounts recentTotal = JobCounts.NONE;
        JobCounts toDateTotal = JobCounts.NONE;
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                JobCounts recent = counts(rs, "_recently");
                JobCounts toDate = counts(rs, "");
                if (rs.getBoolean("total")) {
                    recentTotal = recent;
                    toDateTotal = toDate;
                } else {
                    List<String> group = new ArrayList<>();
                    for (int i = 1; i <= groupings.size(); i++) {
                        group.add(rs.getString(i));
                    }
                    rows.add(new ReportRow(group, recent, toDate));
                }
            }
        }
        return new WeeklyReport(since, groupings, rows, productions, recentTotal, toDateTotal);
    }

    private static JobCounts counts(ResultSet rs, String suffix) throws SQLException {
        return new JobCounts(rs.getLong("submitted" + suffix), rs.getLong("started" + suffix),
                rs.getLong("ran" + suffix), rs.getLong("failed" + suffix), rs.getLong("held" + suffix),
                rs.getLong("finished" + suffix), rs.getLong("events" + suffix));
    }

    private static long productionsWithJobs(Connection c, List<String> productions) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PRODUCTIONS)) {
            s.setArray(1, SqlArrays.texts(c, productions));
            s.setArray(2, SqlArrays.texts(c, productions));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Integer> runs(List<String> productions) throws SQLException {
        return Transactions.run(ledger, retry, "runs in the ledger", c -> runs(c, productions));
    }

    private static List<Integer> runs(Connection c, List<String> productions) throws SQLException {
        List<Integer> runs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(RUNS)) {
            s.setArray(1, SqlArrays.texts(c, productions));
            s.setArray(2, SqlArrays.texts(c, productions));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(rs.getInt(1));
                }
            }
        }
        return runs;
    }
}
