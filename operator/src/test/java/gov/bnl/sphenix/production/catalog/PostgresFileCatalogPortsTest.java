package gov.bnl.sphenix.production.catalog;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.deletion.CatalogDeletion;
import gov.bnl.sphenix.production.catalog.deletion.LocalOutputStore;
import gov.bnl.sphenix.production.catalog.deletion.OutputDeletion;
import gov.bnl.sphenix.production.catalog.deletion.OutputDeletionContract;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.OutputRegistry;
import gov.bnl.sphenix.production.catalog.registration.OutputRegistryContract;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The FileCatalog port contracts against PostgreSQL ({@link BulkRegistrar}, {@link CatalogDeletion}). */
class PostgresFileCatalogPortsTest {

    private static Catalogs catalogs;
    private static OutputRegistry registry;

    @TempDir
    static Path root;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        registry = new BulkRegistrar(catalogs.fileCatalog(), catalogs.retry(),
                Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC), BulkRegistrar.DEFAULT_BATCH);
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    @Nested
    class Registry extends OutputRegistryContract {
        @Override
        protected OutputRegistry registry() {
            return registry;
        }
    }

    @Nested
    class Deletion extends OutputDeletionContract {
        @Override
        protected OutputDeletion deletion() {
            return new CatalogDeletion(catalogs.fileCatalog(), new LocalOutputStore(List.of(root)), catalogs.retry(),
                    CatalogDeletion.DEFAULT_BATCH);
        }

        @Override
        protected OutputRegistry registry() {
            return registry;
        }

        @Override
        protected Path root() {
            return root;
        }
    }
}
