package gov.bnl.sphenix.production.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes rows into one {@code COPY ... FROM STDIN} in PostgreSQL's text format. COPY is the
 * fastest way into PostgreSQL by far: no statement per row, no round trip per row. Values are
 * escaped here, never interpreted as SQL.
 */
public final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 18;

    private final PGCopyOutputStream out;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
    private boolean rowStarted;
    private long rows;

    /** Starts {@code copySql} on {@code connection}, which stays busy until {@link #finish()}. */
    public CopyWriter(Connection connection, String copySql) throws SQLException {
        this.out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
    }

    public CopyWriter text(String value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    public CopyWriter number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    public CopyWriter bool(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    /** ISO 8601, which PostgreSQL reads as a timestamp. */
    public CopyWriter timestamp(LocalDateTime value) {
        return value == null ? nullValue() : text(value.toString());
    }

    public CopyWriter nullValue() {
        separate();
        buffer.append("\\N");
        return this;
    }

    public void endRow() {
        buffer.append('\n');
        rowStarted = false;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    /** Sends the rest and ends the COPY; returns the rows the server took. */
    public long finish() throws SQLException {
        flush();
        return out.endCopy();
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    private void flush() {
        if (buffer.length() == 0) {
            return;
        }
        try {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the COPY stream to the server failed", e);
        }
        buffer.setLength(0);
    }

    /** Abandons an unfinished COPY (the transaction must then be rolled back). */
    @Override
    public void close() {
        if (out.isActive()) {
            try {
                out.cancelCopy();
            } catch (SQLException e) {
                // the connection is being thrown away anyway
            }
        }
    }
}
