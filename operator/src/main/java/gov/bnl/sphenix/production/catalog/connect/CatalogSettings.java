package gov.bnl.sphenix.production.catalog.connect;

import gov.bnl.sphenix.production.catalog.retry.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the catalogs. Read from the environment by {@link #fromEnvironment(Map)}:
 *
 * <ul>
 *   <li>{@code PRODOP_CATALOG_URL}: one database holding every catalog as a schema (development,
 *       demo, small deployments); {@code PRODOP_CATALOG_USER}, {@code PRODOP_CATALOG_PASSWORD}.</li>
 *   <li>{@code PRODOP_<DAQ|RAWDATA|FILECATALOG|LEDGER>_URL}, {@code _USER}, {@code _PASSWORD},
 *       {@code _SCHEMA}: one catalog somewhere else (production: each its own server).</li>
 *   <li>{@code PRODOP_CATALOG_CREATE=true}: create the DAQ, raw and file catalog tables if missing
 *       (always done for the embedded server, never by default for an external one).</li>
 *   <li>{@code PRODOP_STATEMENT_TIMEOUT} (seconds, 0 = none), {@code PRODOP_POOL_SIZE},
 *       {@code PRODOP_CONNECT_TIMEOUT} (seconds), {@code PRODOP_RETRY_ATTEMPTS}.</li>
 *   <li>{@code PRODOP_EMBEDDED_DATA}: a directory that keeps the embedded server's data between runs.</li>
 * </ul>
 *
 * A catalog with no URL at all is served by an embedded PostgreSQL started on demand.
 */
public record CatalogSettings(Map<CatalogKind, Endpoint> endpoints, boolean createCatalogs,
                              Duration statementTimeout, Duration connectTimeout, int poolSize,
                              RetryPolicy retry, Optional<Path> embeddedDataDirectory) {

    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_POOL_SIZE = 6;

    public CatalogSettings {
        Map<CatalogKind, Endpoint> copy = new EnumMap<>(CatalogKind.class);
        for (CatalogKind kind : CatalogKind.values()) {
            copy.put(kind, Objects.requireNonNull(endpoints.get(kind), () -> "no endpoint for " + kind));
        }
        endpoints = Map.copyOf(copy);
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(embeddedDataDirectory, "embeddedDataDirectory");
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
        }
        if (statementTimeout.isNegative()) {
            throw new IllegalArgumentException("statement timeout is not negative: " + statementTimeout);
        }
    }

    /** Everything embedded, in the default schemas: the laptop default. */
    public static CatalogSettings embedded() {
        Map<CatalogKind, Endpoint> endpoints = new EnumMap<>(CatalogKind.class);
        for (CatalogKind kind : CatalogKind.values()) {
            endpoints.put(kind, Endpoint.embedded(kind.defaultSchema()));
        }
        return new CatalogSettings(endpoints, true, DEFAULT_STATEMENT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_POOL_SIZE, RetryPolicy.DEFAULT, Optional.empty());
    }

    /** Every catalog in one database at {@code url}, each in its default schema. */
    public static CatalogSettings sharedDatabase(String url, String user, String password) {
        CatalogSettings settings = embedded();
        for (CatalogKind kind : CatalogKind.values()) {
            settings = settings.withEndpoint(kind, settings.endpoint(kind).at(url, user, password));
        }
        return settings.withCreateCatalogs(false);
    }

    public static CatalogSettings fromEnvironment(Map<String, String> env) {
        CatalogSettings settings = embedded();
        Optional<String> sharedUrl = value(env, "PRODOP_CATALOG_URL");
        String sharedUser = value(env, "PRODOP_CATALOG_USER").orElse("");
        String sharedPassword = value(env, "PRODOP_CATALOG_PASSWORD").orElse("");
        boolean anyExternal = false;
        for (CatalogKind kind : CatalogKind.values()) {
            String word = "PRODOP_" + kind.environmentWord() + "_";
            Optional<String> url = value(env, word + "URL").or(() -> sharedUrl);
            String schema = value(env, word + "SCHEMA").orElse(kind.defaultSchema());
            Endpoint endpoint = Endpoint.embedded(schema);
            if (url.isPresent()) {
                anyExternal = true;
                endpoint = endpoint.at(url.get(), value(env, word + "USER").orElse(sharedUser),
                        value(env, word + "PASSWORD").orElse(sharedPassword));
            }
            settings = settings.withEndpoint(kind, endpoint);
        }
        boolean create = value(env, "PRODOP_CATALOG_CREATE").map(Boolean::parseBoolean).orElse(!anyExternal);
        Duration timeout = value(env, "PRODOP_STATEMENT_TIMEOUT").map(s -> Duration.ofSeconds(Long.parseLong(s)))
                .orElse(DEFAULT_STATEMENT_TIMEOUT);
        Duration connect = value(env, "PRODOP_CONNECT_TIMEOUT").map(s -> Duration.ofSeconds(Long.parseLong(s)))
                .orElse(DEFAULT_CONNECT_TIMEOUT);
        int pool = value(env, "PRODOP_POOL_SIZE").map(Integer::parseInt).orElse(DEFAULT_POOL_SIZE);
        RetryPolicy retry = value(env, "PRODOP_RETRY_ATTEMPTS")
                .map(s -> new RetryPolicy(Integer.parseInt(s), RetryPolicy.DEFAULT.firstDelay(), RetryPolicy.DEFAULT.maxDelay()))
                .orElse(RetryPolicy.DEFAULT);
        Optional<Path> data = value(env, "PRODOP_EMBEDDED_DATA").map(Path::of);
        return new CatalogSettings(settings.endpoints, create, timeout, connect, pool, retry, data);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public Endpoint endpoint(CatalogKind kind) {
        return endpoints.get(kind);
    }

    public boolean needsEmbeddedServer() {
        return endpoints.values().stream().anyMatch(Endpoint::isEmbedded);
    }

    public CatalogSettings withEndpoint(CatalogKind kind, Endpoint endpoint) {
        Map<CatalogKind, Endpoint> copy = new EnumMap<>(endpoints);
        copy.put(kind, endpoint);
        return new CatalogSettings(copy, createCatalogs, statementTimeout, connectTimeout, poolSize, retry, embeddedDataDirectory);
    }

    public CatalogSettings withCreateCatalogs(boolean create) {
        return new CatalogSettings(endpoints, create, statementTimeout, connectTimeout, poolSize, retry, embeddedDataDirectory);
    }

    public CatalogSettings withStatementTimeout(Duration timeout) {
        return new CatalogSettings(endpoints, createCatalogs, timeout, connectTimeout, poolSize, retry, embeddedDataDirectory);
    }

    public CatalogSettings withPoolSize(int size) {
        return new CatalogSettings(endpoints, createCatalogs, statementTimeout, connectTimeout, size, retry, embeddedDataDirectory);
    }

    public CatalogSettings withRetry(RetryPolicy policy) {
        return new CatalogSettings(endpoints, createCatalogs, statementTimeout, connectTimeout, poolSize, policy, embeddedDataDirectory);
    }

    public CatalogSettings withEmbeddedDataDirectory(Path directory) {
        return new CatalogSettings(endpoints, createCatalogs, statementTimeout, connectTimeout, poolSize, retry,
                Optional.of(directory));
    }
}
