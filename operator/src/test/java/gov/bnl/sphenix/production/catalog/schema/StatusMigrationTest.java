package gov.bnl.sphenix.production.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A status stored before jobs waiting in the queue were called queued reads with the new key after migrating. */
class StatusMigrationTest {

    private static final String OLD_STATUS = """
            {
              "production" : "calo",
              "jobs" : {
                "ready" : 7,
                "idle" : 4,
                "running" : 2
              },
              "errors" : [ "\\"idle\\" : stays in text" ]
            }""";

    @Test
    void storedStatusesCountIdleJobsAsQueued() throws Exception {
        String schema = MigrationsTest.unusedSchema("statusm");
        PGSimpleDataSource ds = MigrationsTest.dataSource(schema);
        Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true).locations("classpath:db/migration/ledger")
                .target("3.1").load().migrate();
        execute(ds, "INSERT INTO production (name, spec_hash, revision, state, updated_at)"
                + " VALUES ('calo', 'h', 'r', 'active', now())");
        execute(ds, "INSERT INTO production_status (name, status, updated_at) VALUES ('calo', '"
                + OLD_STATUS.replace("'", "''") + "', now())");

        assertThat(LedgerMigrations.migrate(ds, schema)).isPositive();

        JsonNode status = new ObjectMapper().readTree(status(ds));
        assertThat(status.path("jobs").path("queued").asLong()).isEqualTo(4);
        assertThat(status.path("jobs").has("idle")).isFalse();
        assertThat(status.path("jobs").path("ready").asLong()).isEqualTo(7);
        assertThat(status.path("errors").get(0).asText()).isEqualTo("\"idle\" : stays in text");
    }

    private static void execute(PGSimpleDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String status(PGSimpleDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status FROM production_status WHERE name = 'calo'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
