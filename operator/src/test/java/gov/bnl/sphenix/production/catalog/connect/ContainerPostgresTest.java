package gov.bnl.sphenix.production.catalog.connect;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.catalog.readiness.ReadyJob;
import gov.bnl.sphenix.production.tools.seed.CatalogSeeder;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.seed.SeedSummary;
import gov.bnl.sphenix.production.catalog.testing.TestProducts;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same catalogs on a stock PostgreSQL server in a container, where Docker exists: connections
 * by URL, creation on request, seeding, a readiness pass. Skipped cleanly without Docker; the
 * embedded server carries every other database test.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPostgresTest {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:16-alpine");

    @Test
    void catalogsWorkOnAStockServerReachedByUrl() throws Exception {
        CatalogSettings settings = CatalogSettings.sharedDatabase(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                POSTGRES.getPassword()).withCreateCatalogs(true);
        try (Catalogs catalogs = Catalogs.open(settings)) {
            SeedSummary seeded = new CatalogSeeder(catalogs.daq(), catalogs.rawdata()).seed(SeedSpec.of(3, 100, 20_000), false);
            List<ReadyJob> found = new ArrayList<>();

            Readiness.of(catalogs).find(ReadinessRequests.forProduction(
                    TestProducts.production(TestProducts.STREAMING, "physics",
                            RunSet.range(seeded.firstRun(), seeded.lastRun()), Segments.FIRST_ONLY, List.of()),
                    TestProducts.catalogue()), found::add);

            assertThat(catalogs.embeddedServer()).isEmpty();
            assertThat(found).isNotEmpty().allSatisfy(c -> assertThat(c.segment()).isZero());
        }
    }
}
