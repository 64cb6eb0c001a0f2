package gov.bnl.sphenix.production.catalog.testing;

import gov.bnl.sphenix.production.catalog.connect.CatalogKind;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.connect.EmbeddedCatalogServer;
import gov.bnl.sphenix.production.catalog.connect.Endpoint;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.catalog.retry.RetryPolicy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL server of a test JVM: an external one when {@code PRODOP_TEST_PG_URL} is set
 * (with {@code PRODOP_TEST_PG_USER} and {@code PRODOP_TEST_PG_PASSWORD}), otherwise an embedded
 * server started on first use and stopped when the JVM exits. Every test class gets catalogs in
 * schemas of its own, so classes never see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    /** Tells apart schemas of test runs sharing one external server. */
    private static final String RUN_ID = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private static Endpoint server;

    private TestPostgres() {
    }

    /** The server's endpoint (in the {@code public} schema). */
    public static synchronized Endpoint server() {
        if (server == null) {
            String url = System.getenv("PRODOP_TEST_PG_URL");
            if (url != null && !url.isBlank()) {
                server = new Endpoint(Optional.of(url), System.getenv("PRODOP_TEST_PG_USER"),
                        System.getenv("PRODOP_TEST_PG_PASSWORD"), "public");
            } else {
                // Durability is no concern for throwaway test data; it only slows a 2-core CI box.
                EmbeddedCatalogServer embedded = EmbeddedCatalogServer.start(Optional.empty(),
                        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off",
                                "shared_buffers", "256MB"));
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
                server = embedded.endpoint("public");
            }
        }
        return server;
    }

    /** Settings for fresh catalogs in schemas nobody else uses, created on open. */
    public static CatalogSettings freshSettings() {
        int n = SCHEMAS.incrementAndGet();
        Endpoint base = server();
        CatalogSettings settings = CatalogSettings.embedded()
                .withCreateCatalogs(true)
                .withPoolSize(4)
                .withStatementTimeout(Duration.ofSeconds(60));
        for (CatalogKind kind : CatalogKind.values()) {
            settings = settings.withEndpoint(kind, base.withSchema(kind.defaultSchema() + "_t" + RUN_ID + "_" + n));
        }
        return settings;
    }

    /** Fresh catalogs with a fast, sleepless retry. */
    public static Catalogs freshCatalogs() throws SQLException {
        return Catalogs.open(freshSettings(), new Retry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)),
                duration -> { }, () -> 0.5));
    }
}
