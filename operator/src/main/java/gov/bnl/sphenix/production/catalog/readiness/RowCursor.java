package gov.bnl.sphenix.production.catalog.readiness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a result set ordered by run one run at a time, with one row of look-ahead, so only the
 * rows of the run being decided are in memory.
 */
final class RowCursor<T extends RunRow> implements AutoCloseable {

    /** Rows fetched per round trip: a chunk's rows stream through, never all at once. */
    private static final int FETCH_SIZE = 10_000;

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs {@code sql}, its parameters bound by {@code binder}, as a cursor over its rows. The
     * cursor owns the statement; it is closed at once when the query cannot start.
     */
    static <T extends RunRow> RowCursor<T> open(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            binder.bind(statement);
            statement.setFetchSize(FETCH_SIZE);
            return new RowCursor<>(statement, statement.executeQuery(), mapper);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private final PreparedStatement statement;
    private final ResultSet rows;
    private final RowMapper<T> mapper;
    private T ahead;
    private boolean exhausted;

    RowCursor(PreparedStatement statement, ResultSet rows, RowMapper<T> mapper) {
        this.statement = statement;
        this.rows = rows;
        this.mapper = mapper;
    }

    /**
     * The rows of {@code run}. Runs are asked for in the chunk's order, which is the order the
     * statement sorts by; runs without rows simply get an empty list.
     */
    List<T> takeRun(int run) throws SQLException {
        List<T> mine = new ArrayList<>();
        while (true) {
            if (ahead == null && !exhausted) {
                if (rows.next()) {
                    ahead = mapper.map(rows);
                } else {
                    exhausted = true;
                }
            }
            if (ahead == null || ahead.run() != run) {
                return mine;
            }
            mine.add(ahead);
            ahead = null;
        }
    }

    @Override
    public void close() throws SQLException {
        try (statement) {
            rows.close();
        }
    }
}
