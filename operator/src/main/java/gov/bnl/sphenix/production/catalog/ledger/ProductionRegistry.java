package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.ProductionIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The productions the operator knows, with the spec hash and git revision each is running under,
 * the source (specs repository) that declares each, and the files its spec was read from.
 * Several sources may share one ledger: each only sees its own productions as removed, and a name
 * one source declares is refused to another.
 */
public final class ProductionRegistry {

    /** A record from before sources were told apart: whoever declares it takes it over. */
    public static final String NO_SOURCE = "";

    // Taking over is allowed from no source or once the production is removed; never from a live
    // production of another source (the WHERE makes the update a no-op, which the caller sees).
    // The identity is replaced only when one is given: a record written without a spec keeps it.
    private static final String UPSERT = """
            INSERT INTO production AS p (name, spec_hash, revision, state, updated_at, source, dsttype, dataset, tag)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE
               SET spec_hash = excluded.spec_hash, revision = excluded.revision, state = excluded.state,
                   updated_at = excluded.updated_at, removed_at = NULL, removed_in = NULL, source = excluded.source,
                   dsttype = coalesce(excluded.dsttype, p.dsttype), dataset = coalesce(excluded.dataset, p.dataset),
                   tag = coalesce(excluded.tag, p.tag)
             WHERE p.source = excluded.source OR p.source = '' OR p.state = 'removed'""";

    private static final String ALL = """
            SELECT name, spec_hash, revision, state, updated_at, removed_at, removed_in FROM production ORDER BY name""";

    private static final String OF_SOURCE = """
            SELECT name, spec_hash, revision, state, updated_at, removed_at, removed_in FROM production
             WHERE source = ? ORDER BY name""";

    private static final String ONE = """
            SELECT name, spec_hash, revision, state, updated_at, removed_at, removed_in FROM production WHERE name = ?""";

    private static final String OWNERS = """
            SELECT name, source FROM production
             WHERE name = ANY (?) AND source <> '' AND state IN ('active', 'suspended', 'removing')""";

    // The spec and revision stay those that last declared it: they say what its removal policy is.
    private static final String REMOVING = """
            UPDATE production SET state = 'removing', removed_at = ?, removed_in = ?, updated_at = ?
             WHERE name = ? AND source = ? AND state IN ('active', 'suspended')""";

    private static final String REMOVED = """
            UPDATE production SET state = 'removed', updated_at = ? WHERE name = ? AND state = 'removing'""";

    private static final String FORGET_FILES = "DELETE FROM production_spec_file WHERE production = ?";

    private static final String SAVE_FILE = "INSERT INTO production_spec_file (production, path, content) VALUES (?, ?, ?)";

    private static final String FILES = "SELECT path, content FROM production_spec_file WHERE production = ? ORDER BY path";

    private final DataSource ledger;
    private final Retry retry;

    public ProductionRegistry(DataSource ledger, Retry retry) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** Creates or updates the record of a production that belongs to no particular source. */
    public void record(ProductionRecord production) throws SQLException {
        record(NO_SOURCE, production, Map.of());
    }

    /**
     * Creates or updates the record of a production {@code source} declares, with the files its spec
     * was read from (path → content). False, and nothing written, when another source declares a
     * live production of that name.
     */
    public boolean record(String source, ProductionRecord production, Map<String, byte[]> specFiles)
            throws SQLException {
        return record(source, production, Optional.empty(), specFiles);
    }

    /**
     * As {@link #record(String, ProductionRecord, Map)}, with the identity the production is
     * declared with. From then on its ledger rows of another identity no longer count as its jobs
     * (see {@link JobLedger}): a name removed and declared again with a new tag starts afresh.
     */
    public boolean record(String source, ProductionRecord production, ProductionIdentity identity,
                          Map<String, byte[]> specFiles) throws SQLException {
        return record(source, production, Optional.of(identity), specFiles);
    }

    private boolean record(String source, ProductionRecord production, Optional<ProductionIdentity> identity,
                           Map<String, byte[]> specFiles) throws SQLException {
        Objects.requireNonNull(source, "source");
        Optional<OutputNamespace> namespace = identity.map(ProductionIdentity::namespace);
        return Transactions.run(ledger, retry, "record production " + production.name(), c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, production.name());
                s.setString(2, production.specHash());
                s.setString(3, production.revision());
                s.setString(4, production.state().dbName());
                SqlTimes.set(s, 5, production.updatedAt());
                s.setString(6, source);
                s.setString(7, namespace.map(OutputNamespace::dsttype).orElse(null));
                s.setString(8, namespace.map(OutputNamespace::dataset).orElse(null));
                s.setString(9, namespace.map(n -> n.tag().toString()).orElse(null));
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            if (!specFiles.isEmpty()) {
                saveFiles(c, production.name(), specFiles);
            }
            return true;
        });
    }

    private static void saveFiles(Connection c, String name, Map<String, byte[]> files) throws SQLException {
        try (PreparedStatement forget = c.prepareStatement(FORGET_FILES)) {
            forget.setString(1, name);
            forget.executeUpdate();
        }
        try (PreparedStatement save = c.prepareStatement(SAVE_FILE)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                save.setString(1, name);
                save.setString(2, file.getKey());
                save.setBytes(3, file.getValue());
                save.addBatch();
            }
            save.executeBatch();
        }
    }

    /** The files a production's spec was last read from, by path; empty when none were stored. */
    public Map<String, byte[]> specFiles(String name) throws SQLException {
        return Transactions.run(ledger, retry, "spec files of " + name, c -> {
            try (PreparedStatement s = c.prepareStatement(FILES)) {
                s.setString(1, name);
                Map<String, byte[]> files = new TreeMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        files.put(rs.getString("path"), rs.getBytes("content"));
                    }
                }
                return files;
            }
        });
    }

    /** Which source declares each of these names, for those a source holds live (declared or being removed). */
    public Map<String, String> owners(Collection<String> names) throws SQLException {
        return Transactions.run(ledger, retry, "owners of productions", c -> {
            try (PreparedStatement s = c.prepareStatement(OWNERS)) {
                s.setArray(1, c.createArrayOf("text", names.toArray()));
                Map<String, String> owners = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        owners.put(rs.getString("name"), rs.getString("source"));
                    }
                }
                return owners;
            }
        });
    }

    /** The production's file left {@code source}'s specs in {@code revision}: its removal starts now. False when it was not live. */
    public boolean markRemoving(String source, String name, String revision, Instant at) throws SQLException {
        return Transactions.run(ledger, retry, "removal of " + name, c -> {
            try (PreparedStatement s = c.prepareStatement(REMOVING)) {
                SqlTimes.set(s, 1, at);
                s.setString(2, revision);
                SqlTimes.set(s, 3, at);
                s.setString(4, name);
                s.setString(5, source);
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
                return read(s).stream().findFirst();
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

    /** The productions {@code source} declares or declared. */
    public List<ProductionRecord> ofSource(String source) throws SQLException {
        return Transactions.run(ledger, retry, "productions of " + source, c -> {
            try (PreparedStatement s = c.prepareStatement(OF_SOURCE)) {
                s.setString(1, source);
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
