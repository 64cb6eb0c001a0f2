package gov.bnl.sphenix.production.catalog;

import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one transaction on a fresh pooled connection: committed when the work returns,
 * rolled back when it throws, and run again as a whole after a transient failure.
 */
public final class Transactions {

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    public interface InTransaction<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T run(DataSource dataSource, Retry retry, String what, InTransaction<T> work) throws SQLException {
        return retry.call(what, () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c, e);
                    throw e;
                }
            }
        });
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);   // the connection is probably gone; the pool will drop it
        }
    }
}
