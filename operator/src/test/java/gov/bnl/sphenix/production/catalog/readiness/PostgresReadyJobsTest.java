package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.CatalogFixture;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The readiness contract against PostgreSQL: the DAQ database and the RawdataCatalog ({@link Readiness}). */
class PostgresReadyJobsTest extends ReadyJobsContract {

    private static Catalogs catalogs;
    private static CatalogFixture fixture;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        fixture = new CatalogFixture(catalogs);
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    @Override
    protected ReadyJobs readyJobs() {
        return Readiness.of(catalogs);
    }

    @Override
    protected void run(int run, String[] hosts, String... streams) throws SQLException {
        fixture.run(run, "physics").hosts(run, hosts).rawOnDisk(run, 1, streams);
    }
}
