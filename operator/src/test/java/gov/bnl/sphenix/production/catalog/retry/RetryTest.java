package gov.bnl.sphenix.production.catalog.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Retries against real failures of a real server: a connection the server terminates mid-work,
 * a port nobody listens on. The sleeper only records, so nothing here waits.
 */
class RetryTest {

    private static final String KILL_MY_CONNECTION = "SELECT pg_terminate_backend(pg_backend_pid())";
    private static final String ANSWER = "SELECT 42";

    private static Catalogs catalogs;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Retry retry = new Retry(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2)), sleeper, () -> 0.5);

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    private static int query(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void workWhoseConnectionIsKilledRunsAgainOnAFreshOne() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();

        int answer = retry.call("answer", () -> {
            try (Connection c = catalogs.ledger().getConnection()) {
                if (attempts.incrementAndGet() == 1) {
                    query(c, KILL_MY_CONNECTION);   // the server ends this session: 57P01 / 08006
                }
                return query(c, ANSWER);
            }
        });

        assertThat(answer).isEqualTo(42);
        assertThat(attempts).hasValue(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(75));
    }

    @Test
    void aLogicErrorIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.call("bad sql", () -> {
            attempts.incrementAndGet();
            try (Connection c = catalogs.ledger().getConnection()) {
                return query(c, "SELECT no_such_column FROM job");
            }
        })).isInstanceOf(SQLException.class).hasMessageContaining("no_such_column");

        assertThat(attempts).hasValue(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsRetriedUntilTheAttemptsRunOut() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
        nowhere.setConnectTimeout(2);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.call("connect", () -> {
            attempts.incrementAndGet();
            try (Connection c = nowhere.getConnection()) {
                return query(c, ANSWER);
            }
        })).isInstanceOf(SQLException.class).satisfies(e -> assertThat(TransientErrors.isTransient(e)).isTrue());

        assertThat(attempts).hasValue(4);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150), Duration.ofMillis(300));
    }
}
