package gov.bnl.sphenix.production.catalog.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Builds the connection pool of one catalog. Every connection carries its schema, a statement
 * timeout (a runaway query is cancelled by the server, not left to hold locks), the application
 * name (visible in {@code pg_stat_activity}) and, for catalogs that decide submissions, the demand
 * to be on the primary.
 */
final class ConnectionPools {

    private ConnectionPools() {
    }

    static HikariDataSource open(CatalogKind kind, Endpoint endpoint, CatalogSettings settings) {
        HikariConfig config = config(kind, endpoint, settings);
        if (kind.primaryOnly()) {
            // With a multi-host URL the driver picks the primary; with one host it refuses a replica.
            config.addDataSourceProperty("targetServerType", "primary");
        }
        return new HikariDataSource(config);
    }

    /** Connections that cannot write (the server refuses): a replica is as good as the primary. */
    static HikariDataSource openReadOnly(CatalogKind kind, Endpoint endpoint, CatalogSettings settings) {
        HikariConfig config = config(kind, endpoint, settings);
        config.setReadOnly(true);
        // the driver's default makes only explicit transactions read-only: an autocommit statement
        // would still write. "always" makes the server refuse every write on these connections.
        config.addDataSourceProperty("readOnlyMode", "always");
        config.setPoolName(config.getPoolName() + "-read-only");
        return new HikariDataSource(config);
    }

    private static HikariConfig config(CatalogKind kind, Endpoint endpoint, CatalogSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("catalog-" + kind.defaultSchema());
        config.setJdbcUrl(endpoint.url().orElseThrow(() -> new IllegalStateException(kind + " has no URL")));
        if (!endpoint.user().isEmpty()) {
            config.setUsername(endpoint.user());
        }
        if (!endpoint.password().isEmpty()) {
            config.setPassword(endpoint.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        config.addDataSourceProperty("currentSchema", endpoint.schema());
        config.addDataSourceProperty("ApplicationName", "prodop-" + kind.defaultSchema());
        config.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // The server cannot be reached at all: fail the attempt quickly and let Retry decide.
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        return config;
    }
}
