package gov.bnl.sphenix.production.catalog.retry;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells failures worth another attempt from logic errors. Only the first kind is retried: a
 * constraint violation or a syntax error fails the same way every time, and retrying it would
 * only hide the bug and delay the report.
 */
public final class TransientErrors {

    /**
     * SQLSTATEs that say "try again", beyond the whole connection class 08:
     * serialization failure (40001, which a hot-standby replica also raises for
     * "canceling statement due to conflict with recovery"), deadlock (40P01), and a server
     * shutting down or starting up (57P01, 57P02, 57P03).
     */
    private static final Set<String> STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    private TransientErrors() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isTransientSql(sql)) {
                return true;
            }
            if (t instanceof ConnectException) {
                return true;   // connection refused
            }
            if (t instanceof SocketException) {
                return true;   // connection reset, broken pipe
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransientSql(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                return true;
            }
            // The pool's "no connection available in time" carries no SQLSTATE but is transient by type.
            if (e instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }
}
