package gov.bnl.sphenix.production.catalog.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalogs opened for reading only ({@code prodctl plan} in a pull request's CI): the server
 * itself refuses a write, nothing is created or migrated, and a ledger at another schema version
 * is refused with what to do.
 */
class ReadOnlyCatalogsTest {

    private EmbeddedCatalogServer server;

    @BeforeEach
    void aServer() {
        server = EmbeddedCatalogServer.start(Optional.empty());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsWhatTheOperatorWroteAndTheServerRefusesEveryWrite() throws Exception {
        CatalogSettings shared = CatalogSettings.sharedDatabase(server.jdbcUrl(), EmbeddedCatalogServer.USER, "");
        Catalogs.open(shared.withCreateCatalogs(true)).close();   // the operator: tables made, ledger migrated

        try (Catalogs catalogs = Catalogs.openReadOnly(shared);
             Connection c = catalogs.ledger().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM production")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
            assertThat(c.isReadOnly()).isTrue();
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM production"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
        }
    }

    @Test
    void aLedgerNeverMigratedIsRefusedWithWhatToDoAndIsLeftAsItWas() throws Exception {
        CatalogSettings shared = CatalogSettings.sharedDatabase(server.jdbcUrl(), EmbeddedCatalogServer.USER, "");

        assertThatThrownBy(() -> Catalogs.openReadOnly(shared))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the one this prodctl reads")
                .hasMessageContaining("run the operator of this version once");
        try (Catalogs catalogs = Catalogs.open(shared.withCreateCatalogs(true));
             Connection c = catalogs.ledger().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the read-only open migrated nothing: the operator's did it all")
                    .isGreaterThan(1);
        }
    }
}
