package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The DAQ facts of runs, without the run cuts: either every run of a production's run set and
 * runtype, or the runs a person asked about, whatever their type. Unlike the readiness statement
 * this one keeps the runs the cuts drop, because saying why they were dropped is its point. The
 * facts are few (one small row per run) and are sorted into the production's order here.
 */
final class RunFactsQuery {

    // Runs arrive as two arrays of range bounds, as for readiness. A run still going has no end
    // time: its length is NULL, which is how it is told apart. The hosts of runs already known to
    // be ready are not looked up (most of a pass's runs). The last parameter lifts the runtype filter.
    private static final String FACTS = """
            SELECT r.runnumber, r.runtype, coalesce(r.eventsinrun, 0),
                   CASE WHEN r.ertimestamp IS NULL THEN NULL
                        ELSE coalesce(EXTRACT(EPOCH FROM r.ertimestamp - r.brtimestamp), 0)::bigint END,
                   CASE WHEN r.runnumber = ANY (?) THEN ARRAY[]::text[]
                        ELSE ARRAY(SELECT DISTINCT h.hostname FROM hostinfo h
                                    WHERE h.runnumber = r.runnumber AND h.hostname = ANY (?)) END AS hosts
              FROM run r
             WHERE r.runnumber BETWEEN ? AND ?
               AND EXISTS (SELECT 1 FROM unnest(?::integer[], ?::integer[]) AS w(first_run, last_run)
                            WHERE r.runnumber BETWEEN w.first_run AND w.last_run)
               AND (r.runtype = ? OR ?)
            """;

    private RunFactsQuery() {
    }

    /**
     * Every run of the request's run set and runtype, in the production's run order; the runs in
     * {@code knownReady} come without their hosts.
     */
    static List<RunFacts> ofRunSet(Connection daq, ReasonRequest request, Collection<Integer> knownReady)
            throws SQLException {
        return read(daq, request, request.readiness().runs(), knownReady, false);
    }

    /** The asked runs the DAQ database knows, whatever their type, in the production's run order. */
    static List<RunFacts> ofRuns(Connection daq, ReasonRequest request, int[] runs) throws SQLException {
        if (runs.length == 0) {
            return List.of();
        }
        return read(daq, request, RunSet.runs(Arrays.stream(runs).boxed().toList()), List.of(), true);
    }

    private static List<RunFacts> read(Connection daq, ReasonRequest request, RunSet runs,
                                       Collection<Integer> knownReady, boolean anyRuntype) throws SQLException {
        List<RunFacts> facts = new ArrayList<>();
        try (PreparedStatement statement = daq.prepareStatement(FACTS)) {
            statement.setArray(1, SqlArrays.ints(daq, knownReady));
            statement.setArray(2, SqlArrays.texts(daq, request.hosts()));
            statement.setInt(3, runs.first().orElseThrow());
            statement.setInt(4, runs.last().orElseThrow());
            statement.setArray(5, SqlArrays.rangeFirsts(daq, runs));
            statement.setArray(6, SqlArrays.rangeLasts(daq, runs));
            statement.setString(7, request.readiness().cuts().runtype());
            statement.setBoolean(8, anyRuntype);
            statement.setFetchSize(1_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long seconds = rows.getLong(4);
                    OptionalLong length = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(seconds);
                    Array hosts = rows.getArray(5);
                    facts.add(new RunFacts(rows.getInt(1), rows.getString(2), rows.getLong(3), length,
                            Set.of((String[]) hosts.getArray())));
                    hosts.free();
                }
            }
        }
        Comparator<RunFacts> byRun = Comparator.comparingInt(RunFacts::run);
        facts.sort(request.readiness().order() == RunOrder.NEWEST_FIRST ? byRun.reversed() : byRun);
        return facts;
    }
}
