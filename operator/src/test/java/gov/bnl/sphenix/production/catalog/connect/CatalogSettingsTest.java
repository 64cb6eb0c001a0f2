package gov.bnl.sphenix.production.catalog.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the catalogs are, read from the environment. */
class CatalogSettingsTest {

    @Test
    void withoutAnyUrlEverythingIsEmbeddedAndCreated() {
        CatalogSettings settings = CatalogSettings.fromEnvironment(Map.of());

        assertThat(settings.needsEmbeddedServer()).isTrue();
        assertThat(settings.createCatalogs()).isTrue();
        assertThat(settings.endpoint(CatalogKind.LEDGER)).isEqualTo(Endpoint.embedded("prodop"));
        assertThat(settings.endpoint(CatalogKind.RAWDATA).schema()).isEqualTo("rawdata");
        assertThat(settings.statementTimeout()).isEqualTo(CatalogSettings.DEFAULT_STATEMENT_TIMEOUT);
    }

    @Test
    void oneUrlServesEveryCatalogInItsOwnSchemaAndCreatesNothing() {
        CatalogSettings settings = CatalogSettings.fromEnvironment(Map.of(
                "PRODOP_CATALOG_URL", "jdbc:postgresql://db.example:5432/prod",
                "PRODOP_CATALOG_USER", "prodop",
                "PRODOP_CATALOG_PASSWORD", "secret"));

        assertThat(settings.needsEmbeddedServer()).isFalse();
        assertThat(settings.createCatalogs()).isFalse();
        for (CatalogKind kind : CatalogKind.values()) {
            Endpoint endpoint = settings.endpoint(kind);
            assertThat(endpoint.url()).contains("jdbc:postgresql://db.example:5432/prod");
            assertThat(endpoint.user()).isEqualTo("prodop");
            assertThat(endpoint.schema()).isEqualTo(kind.defaultSchema());
            assertThat(endpoint.toString()).doesNotContain("secret");
        }
    }

    @Test
    void eachCatalogMayLiveElsewhereWithItsOwnSchemaAndCredentials() {
        CatalogSettings settings = CatalogSettings.fromEnvironment(Map.of(
                "PRODOP_CATALOG_URL", "jdbc:postgresql://ops/prodop",
                "PRODOP_DAQ_URL", "jdbc:postgresql://daqdb/daq",
                "PRODOP_DAQ_SCHEMA", "public",
                "PRODOP_DAQ_USER", "reader",
                "PRODOP_RAWDATA_URL", "jdbc:postgresql://replica-a,replica-b/RawdataCatalog",
                "PRODOP_STATEMENT_TIMEOUT", "30",
                "PRODOP_POOL_SIZE", "12",
                "PRODOP_RETRY_ATTEMPTS", "7",
                "PRODOP_EMBEDDED_DATA", "/var/lib/prodop/pg"));

        assertThat(settings.endpoint(CatalogKind.DAQ)).isEqualTo(
                new Endpoint(Optional.of("jdbc:postgresql://daqdb/daq"), "reader", "", "public"));
        assertThat(settings.endpoint(CatalogKind.RAWDATA).url()).contains("jdbc:postgresql://replica-a,replica-b/RawdataCatalog");
        assertThat(settings.endpoint(CatalogKind.LEDGER).url()).contains("jdbc:postgresql://ops/prodop");
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.poolSize()).isEqualTo(12);
        assertThat(settings.retry().maxAttempts()).isEqualTo(7);
        assertThat(settings.embeddedDataDirectory()).contains(Path.of("/var/lib/prodop/pg"));
    }

    @Test
    void creationCanBeAskedForOnAnExternalDevelopmentDatabase() {
        assertThat(CatalogSettings.fromEnvironment(Map.of("PRODOP_CATALOG_URL", "jdbc:postgresql://localhost/dev",
                "PRODOP_CATALOG_CREATE", "true")).createCatalogs()).isTrue();
    }

    @Test
    void onlyDecidingCatalogsInsistOnThePrimary() {
        assertThat(CatalogKind.LEDGER.primaryOnly()).isTrue();
        assertThat(CatalogKind.FILECATALOG.primaryOnly()).isTrue();
        assertThat(CatalogKind.DAQ.primaryOnly()).isFalse();
        assertThat(CatalogKind.RAWDATA.primaryOnly()).isFalse();
    }

    @Test
    void badValuesAreRefusedWithAReason() {
        assertThatThrownBy(() -> Endpoint.embedded("Prod-Op")).hasMessageContaining("schema");
        assertThatThrownBy(() -> CatalogSettings.fromEnvironment(Map.of("PRODOP_CATALOG_URL", "postgres://x/y")))
                .hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> CatalogSettings.embedded().withPoolSize(0)).hasMessageContaining("pool size");
    }
}
