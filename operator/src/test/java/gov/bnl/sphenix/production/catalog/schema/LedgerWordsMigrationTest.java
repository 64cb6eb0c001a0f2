package gov.bnl.sphenix.production.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.StatusStore;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.job.LedgerState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A ledger written before the states had one word each (idle, finished, removed) migrates to the
 * words of {@link LedgerState} and reads back in them; no old spelling can be written afterwards.
 */
class LedgerWordsMigrationTest {

    private static final String OLD_ROW = """
            INSERT INTO job (production, dsttype, dataset, tag, run, segment, state, request_mib, batch_token, revision,
                             updated_at)
            VALUES ('calo', 'DST_CALO', 'run3auau', 'ana468_2024p012_v001', 67962, ?, ?, 2048, 't', 'r1', now())""";

    private static final List<String> OLD_STATES =
            List.of("submitting", "idle", "running", "held", "finished", "failed", "removed", "lost");

    @Test
    void rowsInTheOldWordsReadBackInTheNewOnes() throws SQLException {
        String schema = MigrationsTest.unusedSchema("words");
        PGSimpleDataSource ds = MigrationsTest.dataSource(schema);
        Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration/ledger").target("3.1").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO production (name, spec_hash, revision, state, updated_at)"
                    + " VALUES ('calo', 'h', 'r1', 'active', now())");
            s.executeUpdate("INSERT INTO production_status (name, status, updated_at)"
                    + " VALUES ('calo', '{\"production\" : \"calo\", \"jobs\" : {\"idle\" : 3, \"running\" : 2}}', now())");
            try (PreparedStatement insert = c.prepareStatement(OLD_ROW)) {
                for (int segment = 0; segment < OLD_STATES.size(); segment++) {
                    insert.setInt(1, segment);
                    insert.setString(2, OLD_STATES.get(segment));
                    insert.executeUpdate();
                }
            }
        }

        assertThat(LedgerMigrations.migrate(ds, schema)).isPositive();

        JobLedger ledger = new JobLedger(ds, Retry.never(), Clock.systemUTC());
        List<LedgerJob> rows = new ArrayList<>();
        ledger.jobs("calo", EnumSet.allOf(LedgerState.class), rows::add);
        assertThat(rows).extracting(LedgerJob::state).containsExactly(LedgerState.SUBMITTING, LedgerState.QUEUED,
                LedgerState.RUNNING, LedgerState.HELD, LedgerState.SUCCEEDED, LedgerState.FAILED, LedgerState.KILLED,
                LedgerState.LOST);
        assertThat(ledger.counts("calo")).hasSize(LedgerState.values().length);
        Map<String, String> statuses = new StatusStore(ds, Retry.never()).all();
        assertThat(statuses.get("calo")).contains("\"queued\": 3", "\"running\": 2").doesNotContain("idle");
        try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement(OLD_ROW)) {
            insert.setInt(1, 99);
            insert.setString(2, "idle");
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("job_state_check");
        }
    }
}
