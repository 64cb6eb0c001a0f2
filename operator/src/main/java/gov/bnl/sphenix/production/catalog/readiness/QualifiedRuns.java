package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.spec.RunOrder;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Streams, from the DAQ database, the runs of a run set that pass the run cuts, in the
 * production's order, each with the hosts of interest that took part. One statement for the whole
 * run set; rows come through a cursor, so memory does not grow with the number of runs.
 */
final class QualifiedRuns implements AutoCloseable {

    private static final int FETCH_SIZE = 1_000;

    // The run set arrives as two arrays of range bounds; the outer BETWEEN lets the index on
    // (runtype, runnumber) narrow the scan, the EXISTS drops the gaps between ranges.
    // A run still going has no ertimestamp and so no duration: it is never ready.
    private static final String NEWEST_FIRST = """
            SELECT r.runnumber,
                   ARRAY(SELECT DISTINCT h.hostname FROM hostinfo h
                          WHERE h.runnumber = r.runnumber AND h.hostname = ANY (?)) AS hosts
              FROM run r
             WHERE r.runtype = ?
               AND r.runnumber BETWEEN ? AND ?
               AND EXISTS (SELECT 1 FROM unnest(?::integer[], ?::integer[]) AS w(first_run, last_run)
                            WHERE r.runnumber BETWEEN w.first_run AND w.last_run)
               AND r.eventsinrun >= ?
               AND EXTRACT(EPOCH FROM r.ertimestamp - r.brtimestamp) >= ?
             ORDER BY r.runnumber DESC
            """;

    private static final String OLDEST_FIRST = """
            SELECT r.runnumber,
                   ARRAY(SELECT DISTINCT h.hostname FROM hostinfo h
                          WHERE h.runnumber = r.runnumber AND h.hostname = ANY (?)) AS hosts
              FROM run r
             WHERE r.runtype = ?
               AND r.runnumber BETWEEN ? AND ?
               AND EXISTS (SELECT 1 FROM unnest(?::integer[], ?::integer[]) AS w(first_run, last_run)
                            WHERE r.runnumber BETWEEN w.first_run AND w.last_run)
               AND r.eventsinrun >= ?
               AND EXTRACT(EPOCH FROM r.ertimestamp - r.brtimestamp) >= ?
             ORDER BY r.runnumber ASC
            """;

    private final PreparedStatement statement;
    private final ResultSet rows;

    private QualifiedRuns(PreparedStatement statement, ResultSet rows) {
        this.statement = statement;
        this.rows = rows;
    }

    /** The statement for a run order; exposed for plan checks. */
    static String sql(RunOrder order) {
        return order == RunOrder.NEWEST_FIRST ? NEWEST_FIRST : OLDEST_FIRST;
    }

    /** Opens the cursor; the connection must have autocommit off so the driver fetches in batches. */
    static QualifiedRuns open(Connection daq, ReadinessRequest request) throws SQLException {
        PreparedStatement statement = daq.prepareStatement(sql(request.order()));
        try {
            bind(statement, daq, request);
            statement.setFetchSize(FETCH_SIZE);
            return new QualifiedRuns(statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    static void bind(PreparedStatement statement, Connection daq, ReadinessRequest request) throws SQLException {
        statement.setArray(1, SqlArrays.texts(daq, request.hostsOfInterest()));
        statement.setString(2, request.cuts().runtype());
        statement.setInt(3, request.runs().first().orElseThrow());
        statement.setInt(4, request.runs().last().orElseThrow());
        statement.setArray(5, SqlArrays.rangeFirsts(daq, request.runs()));
        statement.setArray(6, SqlArrays.rangeLasts(daq, request.runs()));
        statement.setLong(7, request.cuts().minEvents());
        statement.setLong(8, request.cuts().minDuration().toSeconds());
    }

    /** Up to {@code max} further runs; empty at the end. */
    List<QualifiedRun> next(int max) throws SQLException {
        List<QualifiedRun> chunk = new ArrayList<>(max);
        while (chunk.size() < max && rows.next()) {
            Array hosts = rows.getArray(2);
            chunk.add(new QualifiedRun(rows.getInt(1), Set.of((String[]) hosts.getArray())));
            hosts.free();
        }
        return chunk;
    }

    @Override
    public void close() throws SQLException {
        try (statement) {
            rows.close();
        }
    }
}
