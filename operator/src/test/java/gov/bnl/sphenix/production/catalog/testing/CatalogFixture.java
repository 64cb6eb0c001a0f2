package gov.bnl.sphenix.production.catalog.testing;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/** Writes hand-made DAQ, raw catalog and file catalog rows for readiness tests, one row at a time. */
public final class CatalogFixture {

    public static final LocalDateTime BEGIN = LocalDateTime.of(2025, 6, 1, 12, 0);

    private static final String INSERT_RUN =
            "INSERT INTO run (runnumber, runtype, eventsinrun, brtimestamp, ertimestamp) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_HOST = "INSERT INTO hostinfo (runnumber, hostname, serverid) VALUES (?, ?, 0)";
    private static final String INSERT_RAW =
            "INSERT INTO datasets (filename, runnumber, segment, dataset, daqhost, status) VALUES (?, ?, ?, 'run3auau', ?, ?)";
    private static final String UPDATE_RAW_STATUS = "UPDATE datasets SET status = ? WHERE filename = ?";
    private static final String INSERT_OUTPUT = """
            INSERT INTO datasets (filename, runnumber, segment, size, dataset, dsttype, events, firstevent, lastevent, tag, status)
            VALUES (?, ?, ?, 1000, ?, ?, 100, 1, 100, ?, ?)""";

    private final Catalogs catalogs;

    public CatalogFixture(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** A physics-style run that passes the default cuts (one hour, a million events). */
    public CatalogFixture run(int run, String runtype) throws SQLException {
        return run(run, runtype, 1_000_000, Duration.ofHours(1));
    }

    public CatalogFixture run(int run, String runtype, long events, Duration length) throws SQLException {
        return runEnding(run, runtype, events, length == null ? null : BEGIN.plus(length));
    }

    private CatalogFixture runEnding(int run, String runtype, long events, LocalDateTime end) throws SQLException {
        update(catalogs.daq(), INSERT_RUN, run, runtype, events, Timestamp.valueOf(BEGIN),
                end == null ? null : Timestamp.valueOf(end));
        return this;
    }

    public CatalogFixture hosts(int run, String... hosts) throws SQLException {
        for (String host : hosts) {
            update(catalogs.daq(), INSERT_HOST, run, host);
        }
        return this;
    }

    /** A raw file of {@code stream}, named the way the DAQ names it. */
    public CatalogFixture raw(int run, String stream, int segment, int status) throws SQLException {
        update(catalogs.rawdata(), INSERT_RAW, rawName(run, stream, segment), run, segment, stream, status);
        return this;
    }

    public CatalogFixture rawStatus(int run, String stream, int segment, int status) throws SQLException {
        update(catalogs.rawdata(), UPDATE_RAW_STATUS, status, rawName(run, stream, segment));
        return this;
    }

    /** Every given stream with one file per segment {@code 0..segments-1}, all on disk. */
    public CatalogFixture rawOnDisk(int run, int segments, String... streams) throws SQLException {
        for (String stream : streams) {
            for (int segment = 0; segment < segments; segment++) {
                raw(run, stream, segment, 1);
            }
        }
        return this;
    }

    /** An upstream output in the FileCatalog; {@code product} is its dsttype column. */
    public CatalogFixture output(int run, int segment, String product, String dataset, String tag, int status)
            throws SQLException {
        update(catalogs.fileCatalog(), INSERT_OUTPUT, outputName(run, segment, product, dataset, tag), run, segment,
                dataset, product, tag, status);
        return this;
    }

    public static String rawName(int run, String stream, int segment) {
        String detector = stream.startsWith("ebdc") ? "TPC" : stream.startsWith("intt") ? "INTT" : "GL1";
        return String.format("%s_%s_physics-%08d-%04d.evt", detector, stream, run, segment);
    }

    public static String outputName(int run, int segment, String product, String dataset, String tag) {
        return String.format("%s_%s_%s-%08d-%05d.root", product, dataset, tag, run, segment);
    }

    private static void update(DataSource dataSource, String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
