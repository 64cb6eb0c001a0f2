package gov.bnl.sphenix.production.catalog.connect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries on the class path, for a laptop, the demo and
 * tests: nothing to install. With a data directory its contents survive a restart; without one
 * it lives in a temporary directory and is gone when closed.
 */
public final class EmbeddedCatalogServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCatalogServer.class);

    /** Local superuser of the embedded cluster; it trusts local connections. */
    public static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    /**
     * Settings sized for a catalog of millions of rows on a workstation. Commits stay durable
     * ({@code synchronous_commit} on) so that timings resemble a real server's.
     */
    private static final Map<String, String> SERVER_CONFIG = Map.of(
            "shared_buffers", "512MB",
            "work_mem", "32MB",
            "maintenance_work_mem", "512MB",
            "max_wal_size", "8GB",
            "checkpoint_timeout", "30min",
            "synchronous_commit", "on",
            "max_connections", "200");

    private final EmbeddedPostgres postgres;

    private EmbeddedCatalogServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedCatalogServer start(Optional<Path> dataDirectory) {
        return start(dataDirectory, Map.of());
    }

    /** Starts a server; {@code overrides} replace or add server settings ({@code fsync=off} for throwaway data). */
    public static EmbeddedCatalogServer start(Optional<Path> dataDirectory, Map<String, String> overrides) {
        return start(dataDirectory, overrides, 0);
    }

    /**
     * A server on a port of the caller's choosing, so that one started again on the same data
     * directory is found where clients left it (a restart while other processes keep their URL).
     */
    public static EmbeddedCatalogServer startOnPort(Path dataDirectory, int port) {
        return start(Optional.of(dataDirectory), Map.of(), port);
    }

    private static EmbeddedCatalogServer start(Optional<Path> dataDirectory, Map<String, String> overrides, int port) {
        long started = System.nanoTime();
        Map<String, String> config = new LinkedHashMap<>(SERVER_CONFIG);
        config.putAll(overrides);
        // The server's own output goes to a file: on the console it would bury the operator's.
        Path serverLog = serverLog();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()));
        config.forEach(builder::setServerConfig);
        dataDirectory.ifPresent(dir -> builder.setDataDirectory(dir).setCleanDataDirectory(false));
        if (port != 0) {
            builder.setPort(port);
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            LOG.info("embedded PostgreSQL up on port {} in {} ms{}, its log in {}", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000,
                    dataDirectory.map(d -> ", data in " + d).orElse(""), serverLog);
            return new EmbeddedCatalogServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static Path serverLog() {
        try {
            return Files.createTempFile("prodop-postgres-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a log file for the embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    /** An endpoint on this server for a catalog kept in {@code schema}. */
    public Endpoint endpoint(String schema) {
        return Endpoint.embedded(schema).at(jdbcUrl(), USER, "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
