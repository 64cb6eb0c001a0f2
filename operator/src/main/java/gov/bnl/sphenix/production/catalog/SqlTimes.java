package gov.bnl.sphenix.production.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Instants to and from {@code timestamptz}, always with an explicit offset so the session time zone never matters. */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Optional<Instant> get(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    /** ISO-8601 text for {@code text[]} parameters cast to {@code timestamptz[]}; null stays null. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
