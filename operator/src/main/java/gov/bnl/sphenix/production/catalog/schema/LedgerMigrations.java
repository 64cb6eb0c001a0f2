package gov.bnl.sphenix.production.catalog.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
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
        MigrateResult result = flyway(dataSource, schema, true).migrate();
        LOG.info("ledger schema {} at version {} ({} migrations applied)", schema,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }

    /**
     * Checks, without changing anything, that the ledger is at the version this code expects; for
     * tools that only read. Throws with the reason when it is behind (or ahead, or never made).
     */
    public static void requireCurrent(DataSource dataSource, String schema) {
        ValidateResult result = flyway(dataSource, schema, false).validateWithResult();
        if (!result.validationSuccessful) {
            throw new IllegalStateException("the ledger schema " + schema + " is not the one this prodctl reads ("
                    + result.getAllErrorMessages() + "); run the operator of this version once, which migrates it,"
                    + " or use the prodctl of the operator's version");
        }
    }

    private static Flyway flyway(DataSource dataSource, String schema, boolean createSchema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(createSchema)
                .locations(LOCATION)
                .load();
    }
}
