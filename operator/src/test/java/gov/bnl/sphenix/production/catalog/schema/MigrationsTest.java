package gov.bnl.sphenix.production.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.CatalogKind;
import gov.bnl.sphenix.production.catalog.connect.Endpoint;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The ledger migrates from nothing and a second run is a no-op; the development catalogs likewise. */
class MigrationsTest {

    private static final String TABLES = """
            SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name""";
    private static final String CONSTRAINTS = """
            SELECT constraint_name FROM information_schema.table_constraints
             WHERE table_schema = ? AND constraint_type = 'UNIQUE'""";

    static PGSimpleDataSource dataSource(String schema) {
        Endpoint server = TestPostgres.server();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(server.url().orElseThrow());
        ds.setUser(server.user());
        if (!server.password().isEmpty()) {
            ds.setPassword(server.password());
        }
        ds.setCurrentSchema(schema);
        return ds;
    }

    private static List<String> names(PGSimpleDataSource ds, String sql, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    static String unusedSchema(String prefix) {
        return TestPostgres.freshSettings().endpoint(CatalogKind.LEDGER).schema().replace("prodop", prefix);
    }

    @Test
    void theLedgerMigratesFromAnEmptyDatabaseAndASecondRunDoesNothing() throws SQLException {
        String schema = unusedSchema("ledger");
        PGSimpleDataSource ds = dataSource(schema);

        assertThat(LedgerMigrations.migrate(ds, schema)).isPositive();
        assertThat(LedgerMigrations.migrate(ds, schema)).isZero();

        assertThat(names(ds, TABLES, schema))
                .contains("audit_log", "flyway_schema_history", "job", "job_hold", "production");
        assertThat(names(ds, CONSTRAINTS, schema)).contains("job_key");
    }

    @Test
    void theDevelopmentCatalogsAreCreatedOnceWithTheirIndexes() throws SQLException {
        String daq = unusedSchema("daqm");
        String raw = unusedSchema("rawm");
        String files = unusedSchema("fcm");

        assertThat(DevelopmentCatalogs.create(CatalogKind.DAQ, dataSource(daq), daq)).isEqualTo(1);
        assertThat(DevelopmentCatalogs.create(CatalogKind.RAWDATA, dataSource(raw), raw)).isEqualTo(1);
        assertThat(DevelopmentCatalogs.create(CatalogKind.FILECATALOG, dataSource(files), files)).isEqualTo(1);
        assertThat(DevelopmentCatalogs.create(CatalogKind.DAQ, dataSource(daq), daq)).isZero();

        assertThat(names(dataSource(daq), TABLES, daq)).contains("run", "hostinfo", "filelist");
        assertThat(names(dataSource(raw), TABLES, raw)).contains("datasets", "files");
        assertThat(names(dataSource(files), TABLES, files)).contains("datasets", "files");
        assertThat(names(dataSource(raw), "SELECT indexname FROM pg_indexes WHERE schemaname = ?", raw))
                .contains("datasets_run_segment_idx");
        assertThat(names(dataSource(files), "SELECT indexname FROM pg_indexes WHERE schemaname = ?", files))
                .contains("datasets_dataset_tag_run_idx");
    }
}
