package gov.bnl.sphenix.production.tools.chaos;

import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.EmbeddedCatalogServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * The world's PostgreSQL as a server of its own that the chaos run can stop and start again while
 * {@code prodctl run} is connected to it: the same data directory, the same port, so that the
 * operator finds it where it was once it is back.
 */
public final class ChaosDatabase implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedCatalogServer server;

    private ChaosDatabase(Path data, int port) {
        this.data = data;
        this.port = port;
        this.server = EmbeddedCatalogServer.startOnPort(data, port);
    }

    /** Starts the server on the data directory a world's catalogs were made in, on a free port. */
    public static ChaosDatabase start(Path data) {
        return new ChaosDatabase(data, freePort());
    }

    /** Stops the server (clients see their connections closed) and starts it again on the same port. */
    public synchronized void restart() {
        server.close();
        server = EmbeddedCatalogServer.startOnPort(data, port);
    }

    public synchronized String jdbcUrl() {
        return server.jdbcUrl();
    }

    /** Every catalog in this server, in its default schema, as {@code prodctl run} is given them. */
    public CatalogSettings settings() {
        return CatalogSettings.sharedDatabase(jdbcUrl(), EmbeddedCatalogServer.USER, "");
    }

    /** The environment that points {@code prodctl run} at this server (docs/catalog.md). */
    public Map<String, String> environment() {
        return Map.of("PRODOP_CATALOG_URL", jdbcUrl(), "PRODOP_CATALOG_USER", EmbeddedCatalogServer.USER,
                "PRODOP_CONNECT_TIMEOUT", "5");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for PostgreSQL", e);
        }
    }

    @Override
    public synchronized void close() {
        server.close();
    }
}
