package gov.bnl.sphenix.production.catalog.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.catalog.retry.RecordingSleeper;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.catalog.retry.RetryPolicy;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What every pooled connection carries: its schema, its name, the statement timeout; and reopening is harmless. */
class CatalogsTest {

    private static String show(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void eachCatalogConnectionIsInItsSchemaAndNamedForIt() throws SQLException {
        CatalogSettings settings = TestPostgres.freshSettings();
        try (Catalogs catalogs = Catalogs.open(settings)) {
            for (CatalogKind kind : CatalogKind.values()) {
                assertThat(show(catalogs.dataSource(kind), "SELECT current_schema()")).isEqualTo(catalogs.schema(kind));
                assertThat(show(catalogs.dataSource(kind), "SHOW application_name")).isEqualTo("prodop-" + kind.defaultSchema());
            }
            assertThat(show(catalogs.ledger(), "SHOW statement_timeout")).isEqualTo("1min");
        }
    }

    @Test
    void reopeningCatalogsThatExistChangesNothing() throws SQLException {
        CatalogSettings settings = TestPostgres.freshSettings();
        String ledgerHistory;
        String rawHistory;
        try (Catalogs first = Catalogs.open(settings)) {
            ledgerHistory = show(first.ledger(), "SELECT string_agg(version || script, ',' ORDER BY installed_rank) FROM flyway_schema_history");
            rawHistory = show(first.rawdata(), "SELECT string_agg(version || script, ',' ORDER BY installed_rank) FROM catalog_schema_history");
        }
        try (Catalogs again = Catalogs.open(settings)) {
            assertThat(show(again.ledger(), "SELECT string_agg(version || script, ',' ORDER BY installed_rank) FROM flyway_schema_history"))
                    .isEqualTo(ledgerHistory).contains("V1__ledger.sql");
            assertThat(show(again.rawdata(), "SELECT string_agg(version || script, ',' ORDER BY installed_rank) FROM catalog_schema_history"))
                    .isEqualTo(rawHistory).contains("V1__rawdata_catalog.sql");
        }
    }

    @Test
    void aStatementOverTheTimeoutIsCancelledByTheServerAndNotRetried() throws SQLException {
        RecordingSleeper sleeper = new RecordingSleeper();
        Retry retry = new Retry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10)), sleeper, () -> 0.5);
        AtomicInteger attempts = new AtomicInteger();
        try (Catalogs catalogs = Catalogs.open(TestPostgres.freshSettings().withStatementTimeout(Duration.ofMillis(300)), retry)) {

            assertThatThrownBy(() -> retry.call("slow query", () -> {
                attempts.incrementAndGet();
                return show(catalogs.daq(), "SELECT pg_sleep(5)::text");
            })).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
        }
        assertThat(attempts).hasValue(1);
        assertThat(sleeper.waits()).isEmpty();
    }
}
