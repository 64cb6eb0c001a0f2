package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The last status of each production, as the engine wrote it after its pass (a JSON document the
 * caller defines). Kept in the ledger so that {@code prodctl status} in another process, or after
 * a restart, reads what the engine last saw instead of recomputing it.
 */
public final class StatusStore {

    private static final String SAVE = """
            INSERT INTO production_status (name, status, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at""";

    private static final String FORGET = "DELETE FROM production_status WHERE name = ?";

    private static final String ALL = "SELECT name, status FROM production_status ORDER BY name";

    private final DataSource ledger;
    private final Retry retry;

    public StatusStore(DataSource ledger, Retry retry) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public void save(String production, String status, Instant at) throws SQLException {
        Transactions.run(ledger, retry, "status of " + production, c -> {
            try (PreparedStatement s = c.prepareStatement(SAVE)) {
                s.setString(1, production);
                s.setString(2, status);
                SqlTimes.set(s, 3, at);
                return s.executeUpdate();
            }
        });
    }

    /** A production that is gone has no status any more. */
    public void forget(String production) throws SQLException {
        Transactions.run(ledger, retry, "forget status of " + production, c -> {
            try (PreparedStatement s = c.prepareStatement(FORGET)) {
                s.setString(1, production);
                return s.executeUpdate();
            }
        });
    }

    /** Every production's last status by name. */
    public Map<String, String> all() throws SQLException {
        return Transactions.run(ledger, retry, "statuses", c -> {
            Map<String, String> statuses = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(ALL); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), rs.getString(2));
                }
            }
            return statuses;
        });
    }
}
