package gov.bnl.sphenix.production.catalog.schema;

import gov.bnl.sphenix.production.catalog.connect.CatalogKind;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the sPHENIX DAQ, RawdataCatalog and FileCatalog tables for development, tests and the
 * demo. In production those databases exist already and the operator never changes their shape.
 *
 * <p>The scripts under {@code db/catalogs/<kind>/} are plain SQL that also run by hand with
 * {@code psql}; Flyway applies them here because it creates the schema, quotes its name and
 * remembers what it has done, so calling this twice is harmless.
 */
public final class DevelopmentCatalogs {

    private static final String HISTORY_TABLE = "catalog_schema_history";

    private DevelopmentCatalogs() {
    }

    public static int create(CatalogKind kind, DataSource dataSource, String schema) {
        if (kind == CatalogKind.LEDGER) {
            return LedgerMigrations.migrate(dataSource, schema);
        }
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations("classpath:db/catalogs/" + kind.defaultSchema())
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
