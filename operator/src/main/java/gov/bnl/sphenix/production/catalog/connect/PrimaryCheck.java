package gov.bnl.sphenix.production.catalog.connect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Refuses to start on a replica for catalogs that decide submissions. A replica lags; reading the
 * ledger from one is how today's system submitted jobs twice.
 */
final class PrimaryCheck {

    private static final String IN_RECOVERY = "SELECT pg_is_in_recovery()";

    private PrimaryCheck() {
    }

    static void requirePrimary(CatalogKind kind, DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(IN_RECOVERY);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) {
                throw new SQLException(kind + " catalog is configured on a read replica (pg_is_in_recovery() is true);"
                        + " point it at the primary: reads that decide submissions must not lag", "55000");
            }
        }
    }
}
