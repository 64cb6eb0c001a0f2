package gov.bnl.sphenix.production.tools.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a DAQ database and a RawdataCatalog with a synthetic catalog (development, tests, the
 * demo, benchmarks). Rows stream from the generator into five concurrent COPYs, each in its own
 * transaction, committed only when all of them went through; afterwards the tables are vacuumed
 * and analysed so the planner sees realistic statistics and index-only scans work at once.
 */
public final class CatalogSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogSeeder.class);

    private static final String COUNT_RUNS = "SELECT count(*) FROM run";
    // A seed is one long COPY per table: the configured statement timeout is for the operator's queries, not this.
    private static final String NO_TIMEOUT_IN_TRANSACTION = "SET LOCAL statement_timeout = 0";
    private static final String NO_TIMEOUT = "SET statement_timeout = 0";
    private static final String DEFAULT_TIMEOUT = "RESET statement_timeout";
    // Each table is emptied by the connection that then copies into it: TRUNCATE holds an exclusive
    // lock until commit, and a lock taken by one connection would block the COPY of another.
    private static final String TRUNCATE_RUN = "TRUNCATE run";
    private static final String TRUNCATE_HOSTINFO = "TRUNCATE hostinfo";
    private static final String TRUNCATE_FILELIST = "TRUNCATE filelist";
    private static final String TRUNCATE_RAW_DATASETS = "TRUNCATE datasets";
    private static final String TRUNCATE_RAW_FILES = "TRUNCATE files";
    private static final String VACUUM_RUN = "VACUUM (ANALYZE) run";
    private static final String VACUUM_HOSTINFO = "VACUUM (ANALYZE) hostinfo";
    private static final String VACUUM_FILELIST = "VACUUM (ANALYZE) filelist";
    private static final String VACUUM_RAW_DATASETS = "VACUUM (ANALYZE) datasets";
    private static final String VACUUM_RAW_FILES = "VACUUM (ANALYZE) files";
    private static final List<String> VACUUM_DAQ = List.of(VACUUM_RUN, VACUUM_HOSTINFO, VACUUM_FILELIST);
    private static final List<String> VACUUM_RAW = List.of(VACUUM_RAW_DATASETS, VACUUM_RAW_FILES);

    private final DataSource daq;
    private final DataSource rawdata;

    public CatalogSeeder(DataSource daq, DataSource rawdata) {
        this.daq = daq;
        this.rawdata = rawdata;
    }

    /**
     * Generates and loads the catalog. With {@code replace} the DAQ and raw tables are emptied
     * first (in the same transactions, so a failed seed leaves the old contents); without it an
     * existing catalog is an error rather than a silent mix of two seeds.
     */
    public SeedSummary seed(SeedSpec spec, boolean replace) throws SQLException {
        return seed(spec, DaqStreams.SPHENIX, replace);
    }

    /** As {@link #seed(SeedSpec, boolean)}, with files for {@code streams} rather than the whole sPHENIX DAQ. */
    public SeedSummary seed(SeedSpec spec, DaqStreams streams, boolean replace) throws SQLException {
        long started = System.nanoTime();
        if (!replace) {
            requireEmpty();
        }
        List<Connection> connections = new ArrayList<>();
        try {
            Connection runC = open(daq, connections);
            Connection hostC = open(daq, connections);
            Connection filelistC = open(daq, connections);
            Connection datasetsC = open(rawdata, connections);
            Connection filesC = open(rawdata, connections);
            if (replace) {
                execute(runC, TRUNCATE_RUN);
                execute(hostC, TRUNCATE_HOSTINFO);
                execute(filelistC, TRUNCATE_FILELIST);
                execute(datasetsC, TRUNCATE_RAW_DATASETS);
                execute(filesC, TRUNCATE_RAW_FILES);
            }
            SeedSummary summary;
            try (CopyRows rows = new CopyRows(runC, hostC, filelistC, datasetsC, filesC)) {
                summary = new SyntheticCatalog(spec, streams).generate(rows);
                rows.finish();
            }
            for (Connection c : connections) {
                c.commit();
            }
            long loaded = System.nanoTime();
            LOG.info("seeded {} in {} s", summary, (loaded - started) / 1_000_000_000.0);
            analyse(daq, VACUUM_DAQ);
            analyse(rawdata, VACUUM_RAW);
            LOG.info("vacuumed and analysed in {} s", (System.nanoTime() - loaded) / 1_000_000_000.0);
            return summary;
        } catch (SQLException | RuntimeException e) {
            for (Connection c : connections) {
                rollbackQuietly(c, e);
            }
            throw e;
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private void requireEmpty() throws SQLException {
        try (Connection c = daq.getConnection();
             PreparedStatement s = c.prepareStatement(COUNT_RUNS);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("the DAQ catalog already has " + rs.getLong(1)
                        + " runs; seed with replace to start over");
            }
        }
    }

    private static Connection open(DataSource dataSource, List<Connection> opened) throws SQLException {
        Connection connection = dataSource.getConnection();
        opened.add(connection);
        connection.setAutoCommit(false);
        execute(connection, NO_TIMEOUT_IN_TRANSACTION);
        return connection;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static void analyse(DataSource dataSource, List<String> statements) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);   // VACUUM refuses to run inside a transaction
            execute(c, NO_TIMEOUT);
            try {
                for (String sql : statements) {
                    execute(c, sql);
                }
            } finally {
                execute(c, DEFAULT_TIMEOUT);   // the connection goes back to the pool
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
