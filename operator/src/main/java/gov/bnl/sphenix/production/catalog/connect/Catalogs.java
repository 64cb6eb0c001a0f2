package gov.bnl.sphenix.production.catalog.connect;

import com.zaxxer.hikari.HikariDataSource;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.catalog.schema.DevelopmentCatalogs;
import gov.bnl.sphenix.production.catalog.schema.LedgerMigrations;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open connections to every catalog: one pool each, the embedded server when some catalog has
 * no URL, and the retry policy. Opening migrates the ledger; with {@code createCatalogs} it also
 * creates the DAQ, raw and file catalog tables (development and demo only).
 */
public final class Catalogs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Catalogs.class);

    private final CatalogSettings settings;
    private final Map<CatalogKind, HikariDataSource> pools;
    private final Optional<EmbeddedCatalogServer> server;
    private final Retry retry;

    private Catalogs(CatalogSettings settings, Map<CatalogKind, HikariDataSource> pools,
                     Optional<EmbeddedCatalogServer> server, Retry retry) {
        this.settings = settings;
        this.pools = pools;
        this.server = server;
        this.retry = retry;
    }

    public static Catalogs open(CatalogSettings settings) throws SQLException {
        return open(settings, Retry.of(settings.retry()));
    }

    /**
     * Opens every catalog for reading only, for tools that must change nothing ({@code prodctl plan}
     * in a pull request's CI): no table is created, the ledger is not migrated but must already be
     * at this version's schema, every connection is read-only (a write is refused by the server,
     * not just avoided), and a replica will do. Credentials with SELECT only are enough.
     */
    public static Catalogs openReadOnly(CatalogSettings settings) {
        if (settings.needsEmbeddedServer()) {
            throw new IllegalArgumentException("reading only needs catalogs to read: every catalog needs a URL");
        }
        Map<CatalogKind, HikariDataSource> pools = new EnumMap<>(CatalogKind.class);
        Retry retry = Retry.of(settings.retry());
        Catalogs catalogs = new Catalogs(settings, pools, Optional.empty(), retry);
        try {
            for (CatalogKind kind : CatalogKind.values()) {
                pools.put(kind, ConnectionPools.openReadOnly(kind, settings.endpoint(kind), settings));
            }
            LedgerMigrations.requireCurrent(pools.get(CatalogKind.LEDGER), catalogs.schema(CatalogKind.LEDGER));
            return catalogs;
        } catch (RuntimeException e) {
            catalogs.close();
            throw e;
        }
    }

    /** Opens with a given retry (tests inject one that records its waits instead of sleeping). */
    public static Catalogs open(CatalogSettings settings, Retry retry) throws SQLException {
        Optional<EmbeddedCatalogServer> server = settings.needsEmbeddedServer()
                ? Optional.of(EmbeddedCatalogServer.start(settings.embeddedDataDirectory()))
                : Optional.empty();
        Map<CatalogKind, HikariDataSource> pools = new EnumMap<>(CatalogKind.class);
        Catalogs catalogs = new Catalogs(settings, pools, server, retry);
        try {
            for (CatalogKind kind : CatalogKind.values()) {
                Endpoint endpoint = settings.endpoint(kind);
                if (endpoint.isEmbedded()) {
                    endpoint = server.orElseThrow().endpoint(endpoint.schema());
                }
                LOG.info("{} catalog at {}", kind, endpoint);
                pools.put(kind, ConnectionPools.open(kind, endpoint, settings));
            }
            catalogs.prepare(server.isPresent() || settings.createCatalogs());
            return catalogs;
        } catch (SQLException | RuntimeException e) {
            catalogs.close();
            throw e;
        }
    }

    private void prepare(boolean createCatalogs) throws SQLException {
        for (CatalogKind kind : CatalogKind.values()) {
            if (kind.primaryOnly()) {
                retry.call("primary check " + kind, () -> {
                    PrimaryCheck.requirePrimary(kind, pools.get(kind));
                    return null;
                });
            }
        }
        if (createCatalogs) {
            for (CatalogKind kind : CatalogKind.values()) {
                if (kind != CatalogKind.LEDGER) {
                    DevelopmentCatalogs.create(kind, pools.get(kind), schema(kind));
                }
            }
        }
        LedgerMigrations.migrate(pools.get(CatalogKind.LEDGER), schema(CatalogKind.LEDGER));
    }

    public DataSource daq() {
        return pools.get(CatalogKind.DAQ);
    }

    public DataSource rawdata() {
        return pools.get(CatalogKind.RAWDATA);
    }

    public DataSource fileCatalog() {
        return pools.get(CatalogKind.FILECATALOG);
    }

    public DataSource ledger() {
        return pools.get(CatalogKind.LEDGER);
    }

    public DataSource dataSource(CatalogKind kind) {
        return pools.get(kind);
    }

    public String schema(CatalogKind kind) {
        return settings.endpoint(kind).schema();
    }

    public Retry retry() {
        return retry;
    }

    public CatalogSettings settings() {
        return settings;
    }

    /** The embedded server, when one was started: the demo prints where it is. */
    public Optional<EmbeddedCatalogServer> embeddedServer() {
        return server;
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        server.ifPresent(EmbeddedCatalogServer::close);
    }
}
