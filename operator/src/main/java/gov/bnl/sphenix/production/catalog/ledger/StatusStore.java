package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The last status of each production, as the engine wrote it after its pass (a JSON document the
 * caller defines). Kept in the ledger so that {@code prodctl status} in another process, or after
 * a restart, reads what the engine last saw instead of recomputing it.
 */
public final class StatusStore {

    // every production's status of a pass in one statement, not one transaction each
    private static final String SAVE = """
            INSERT INTO production_status (name, status, updated_at)
            SELECT u.name, u.status, ? FROM unnest(?::text[], ?::text[]) AS u(name, status)
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
        saveAll(Map.of(production, status), at);
    }

    /** The statuses of several productions by name, all written at {@code at}, in one transaction. */
    public void saveAll(Map<String, String> statuses, Instant at) throws SQLException {
        if (statuses.isEmpty()) {
            return;
        }
        List<String> names = List.copyOf(statuses.keySet());
        Transactions.run(ledger, retry, "statuses of " + names.size() + " productions", c -> {
            try (PreparedStatement s = c.prepareStatement(SAVE)) {
                SqlTimes.set(s, 1, at);
                s.setArray(2, SqlArrays.texts(c, names));
                s.setArray(3, SqlArrays.texts(c, names.stream().map(statuses::get).toList()));
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
