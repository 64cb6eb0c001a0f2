package gov.bnl.sphenix.production.catalog;

import gov.bnl.sphenix.production.spec.RunRange;
import gov.bnl.sphenix.production.spec.RunSet;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Sets of values travel to PostgreSQL as array parameters ({@code = ANY (?)},
 * {@code unnest(?, ?)}), never spliced into SQL text: one statement shape whatever the size of
 * the set, and no value can change what the statement means.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static Array ints(Connection connection, int[] values) throws SQLException {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return connection.createArrayOf("integer", boxed);
    }

    public static Array ints(Connection connection, Collection<Integer> values) throws SQLException {
        return connection.createArrayOf("integer", values.toArray(new Integer[0]));
    }

    public static Array longs(Connection connection, Collection<Long> values) throws SQLException {
        return connection.createArrayOf("bigint", values.toArray(new Long[0]));
    }

    public static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(new String[0]));
    }

    /** The first runs of a run set's ranges, to pair with {@link #rangeLasts}. */
    public static Array rangeFirsts(Connection connection, RunSet runs) throws SQLException {
        List<RunRange> ranges = runs.ranges();
        return ints(connection, ranges.stream().mapToInt(RunRange::first).toArray());
    }

    public static Array rangeLasts(Connection connection, RunSet runs) throws SQLException {
        List<RunRange> ranges = runs.ranges();
        return ints(connection, ranges.stream().mapToInt(RunRange::last).toArray());
    }
}
