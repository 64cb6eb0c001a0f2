package gov.bnl.sphenix.production.catalog.readiness;

import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAMING;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.retry.RecordingSleeper;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.catalog.retry.RetryPolicy;
import gov.bnl.sphenix.production.catalog.testing.CatalogFixture;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.catalog.testing.TestProducts;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A readiness scan whose catalog connection the server terminates half-way resumes with the first
 * run not yet finished: every candidate arrives exactly once.
 */
class ReadinessRetryTest {

    private static final String[] HOSTS = {"ebdc00", "ebdc01", "intt0", "gl1daq"};
    private static final String[] STREAMS = {"ebdc00_0", "ebdc00_1", "ebdc01_0", "ebdc01_1", "intt0", "gl1daq"};

    private static Catalogs catalogs;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        CatalogFixture fixture = new CatalogFixture(catalogs);
        for (int run = 1; run <= 6; run++) {
            fixture.run(run, "physics").hosts(run, HOSTS).rawOnDisk(run, 1, STREAMS);
        }
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    @Test
    void aScanInterruptedByATerminatedConnectionResumesWithoutRepeatingCandidates() throws SQLException {
        PidRecordingDataSource rawdata = new PidRecordingDataSource(catalogs.rawdata());
        RecordingSleeper sleeper = new RecordingSleeper();
        Retry retry = new Retry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)), sleeper, () -> 0.0);
        Readiness readiness = new Readiness(catalogs.daq(), rawdata, catalogs.fileCatalog(), retry, 1);
        List<ReadyJob> received = new ArrayList<>();

        ReadinessSummary summary = readiness.find(ReadinessRequests.forProduction(
                TestProducts.production(STREAMING, "physics", RunSet.range(1, 6), Segments.FIRST_ONLY, List.of()),
                TestProducts.catalogue()), candidate -> {
                    received.add(candidate);
                    if (received.size() == 12) {   // the first candidate of the third run
                        rawdata.terminateLast();
                    }
                    return true;
                });

        assertThat(sleeper.waits()).as("one failure, one retry").hasSize(1);
        assertThat(received).hasSize(30).doesNotHaveDuplicates();
        assertThat(received.stream().map(ReadyJob::run).distinct()).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(summary.runsExamined()).isEqualTo(6);
        assertThat(summary.candidates()).isEqualTo(30);
    }

    /** Hands out the real pool's connections and remembers the server process behind the last one. */
    private static final class PidRecordingDataSource implements DataSource {

        private final DataSource pool;
        private volatile int lastPid;

        PidRecordingDataSource(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = pool.getConnection();
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_backend_pid()");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                lastPid = rs.getInt(1);
            }
            return connection;
        }

        /** Ends the session of the last connection handed out, from another connection: what a server restart does. */
        void terminateLast() {
            try (Connection other = catalogs.daq().getConnection();
                 PreparedStatement s = other.prepareStatement("SELECT pg_terminate_backend(?)")) {
                s.setInt(1, lastPid);
                s.executeQuery().close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }
}
