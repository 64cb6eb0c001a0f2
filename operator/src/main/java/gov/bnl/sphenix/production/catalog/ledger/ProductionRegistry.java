package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The productions the operator knows, with the spec hash and git revision each is running under. */
public final class ProductionRegistry {

    private static final String UPSERT = """
            INSERT INTO production (name, spec_hash, revision, state, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE
               SET spec_hash = excluded.spec_hash, revision = excluded.revision, state = excluded.state,
                   updated_at = excluded.updated_at, removed_at = NULL, removed_in = NULL""";

    private static final String ALL = """
            SELECT name, spec_hash, revision, state, updated_at, removed_at, removed_in FROM production ORDER BY name""";

    private static final String ONE = """
            SELECT name, spec_hash, revision, state, updated_at, removed_at, removed_in FROM production WHERE name = ?""";

    // The spec and revision stay those that last declared it: they say what its removal policy is.
    private static final String REMOVING = """
            UPDATE production SET state = 'removing', removed_at = ?, removed_in = ?, updated_at = ?
             WHERE name = ? AND state IN ('active', 'suspended')""";

    private static final String REMOVED = """
            UPDATE production SET state = 'removed', updated_at = ? WHERE name = ? AND state = 'removing'""";

    private final DataSource ledger;
    private final Retry retry;

    public ProductionRegistry(DataSource ledger, Retry retry) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** Creates or updates the record of a production. */
    public void record(ProductionRecord production) throws SQLException {
        Transactions.run(ledger, retry, "record production " + production.name(), c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, production.name());
                s.setString(2, production.specHash());
                s.setString(3, production.revision());
                s.setString(4, production.state().dbName());
                SqlTimes.set(s, 5, production.updatedAt());
                return s.executeUpdate();
            }
        });
    }

    /** The production's file left the specs in {@code revision}: its removal starts now. False when it was not live. */
    public boolean markRemoving(String name, String revision, Instant at) throws SQLException {
        return Transactions.run(ledger, retry, "removal of " + name, c -> {
            try (PreparedStatement s = c.prepareStatement(REMOVING)) {
                SqlTimes.set(s, 1, at);
                s.setString(2, revision);
                SqlTimes.set(s, 3, at);
                s.setString(4, name);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Its jobs are gone and its outputs handled: nothing more to do for it. */
    public boolean markRemoved(String name, Instant at) throws SQLException {
        return Transactions.run(ledger, retry, "removed " + name, c -> {
            try (PreparedStatement s = c.prepareStatement(REMOVED)) {
                SqlTimes.set(s, 1, at);
                s.setString(2, name);
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<ProductionRecord> find(String name) throws SQLException {
        return Transactions.run(ledger, retry, "production " + name, c -> {
            try (PreparedStatement s = c.prepareStatement(ONE)) {
                s.setString(1, name);
                List<ProductionRecord> found = read(s);
                return found.stream().findFirst();
            }
        });
    }

    public List<ProductionRecord> all() throws SQLException {
        return Transactions.run(ledger, retry, "productions", c -> {
            try (PreparedStatement s = c.prepareStatement(ALL)) {
                return read(s);
            }
        });
    }

    private static List<ProductionRecord> read(PreparedStatement s) throws SQLException {
        List<ProductionRecord> records = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                records.add(new ProductionRecord(rs.getString("name"), rs.getString("spec_hash"),
                        rs.getString("revision"), ProductionState.fromDb(rs.getString("state")),
                        SqlTimes.get(rs, "updated_at").orElseThrow(), SqlTimes.get(rs, "removed_at"),
                        Optional.ofNullable(rs.getString("removed_in"))));
            }
        }
        return records;
    }
}
