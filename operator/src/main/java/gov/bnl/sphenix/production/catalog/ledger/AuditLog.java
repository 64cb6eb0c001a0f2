package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the operator did, for people asking later (Kubernetes Events expire after an hour). Entries
 * of one pass are written in one statement.
 */
public final class AuditLog {

    private static final String APPEND = """
            INSERT INTO audit_log (at, production, action, subject, detail, revision)
            SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""";

    private static final String RECENT = """
            SELECT at, production, action, subject, detail, revision
              FROM audit_log WHERE production = ? ORDER BY id DESC LIMIT ?""";

    // Newest first so that the limit keeps the latest entries; the caller turns them back in order.
    private static final String HISTORY = """
            SELECT at, production, action, subject, detail, revision FROM audit_log
             WHERE (? OR production = ?) AND at >= ? ORDER BY id DESC LIMIT ?""";

    private final DataSource ledger;
    private final Retry retry;

    public AuditLog(DataSource ledger, Retry retry) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public void append(List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Transactions.run(ledger, retry, "audit " + entries.size() + " actions", c -> {
            try (PreparedStatement s = c.prepareStatement(APPEND)) {
                s.setArray(1, SqlArrays.texts(c, entries.stream().map(e -> SqlTimes.iso(e.at())).toList()));
                s.setArray(2, SqlArrays.texts(c, entries.stream().map(e -> e.production().orElse(null)).toList()));
                s.setArray(3, SqlArrays.texts(c, entries.stream().map(AuditEntry::action).toList()));
                s.setArray(4, SqlArrays.texts(c, entries.stream().map(AuditEntry::subject).toList()));
                s.setArray(5, SqlArrays.texts(c, entries.stream().map(AuditEntry::detail).toList()));
                s.setArray(6, SqlArrays.texts(c, entries.stream().map(AuditEntry::revision).toList()));
                return s.executeUpdate();
            }
        });
    }

    /**
     * The latest {@code limit} entries since {@code since}, of one production or of all (and of the
     * specs repository), oldest first: the order things happened in.
     */
    public List<AuditEntry> history(Optional<String> production, Instant since, int limit) throws SQLException {
        return Transactions.run(ledger, retry, "audit history", c -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(HISTORY)) {
                s.setBoolean(1, production.isEmpty());
                s.setString(2, production.orElse(""));
                SqlTimes.set(s, 3, since);
                s.setInt(4, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            }
            Collections.reverse(entries);
            return entries;
        });
    }

    /** The latest entries of a production, newest first. */
    public List<AuditEntry> recent(String production, int limit) throws SQLException {
        return Transactions.run(ledger, retry, "audit of " + production, c -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(RECENT)) {
                s.setString(1, production);
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            }
            return entries;
        });
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(SqlTimes.get(rs, "at").orElseThrow(), Optional.ofNullable(rs.getString("production")),
                rs.getString("action"), rs.getString("subject"), rs.getString("detail"), rs.getString("revision"));
    }
}
