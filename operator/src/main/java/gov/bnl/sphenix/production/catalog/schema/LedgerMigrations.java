package gov.bnl.sphenix.production.catalog.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the operator's own schema (job ledger, productions, audit log) to the newest version.
 * Flyway gets a schema of its own: it refuses to start in a non-empty {@code public}, and the
 * operator's tables should not mingle with anybody else's.
 */
public final class LedgerMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerMigrations.class);
    private static final String LOCATION = "classpath:db/migration/ledger";

    private LedgerMigrations() {
    }

    /** Migrates and returns how many migrations ran (0 when the schema is already current). */
    public static int migrate(DataSource dataSource, String schema) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations(LOCATION)
                .load()
                .migrate();
        LOG.info("ledger schema {} at version {} ({} migrations applied)", schema,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }
}
