package gov.bnl.sphenix.production.catalog.connect;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where one catalog lives: a JDBC URL (empty: the embedded server), credentials, and the schema
 * its tables are in.
 */
public record Endpoint(Optional<String> url, String user, String password, String schema) {

    /** Schema names end up in a connection property, so they are kept to plain identifiers. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public Endpoint {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        Objects.requireNonNull(schema, "schema");
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema '" + schema + "' must be lower-case letters, digits and '_'");
        }
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("catalog URL must start with jdbc:postgresql:, got '" + u + "'");
            }
        });
    }

    public static Endpoint embedded(String schema) {
        return new Endpoint(Optional.empty(), "", "", schema);
    }

    public boolean isEmbedded() {
        return url.isEmpty();
    }

    public Endpoint withSchema(String newSchema) {
        return new Endpoint(url, user, password, newSchema);
    }

    public Endpoint at(String jdbcUrl, String newUser, String newPassword) {
        return new Endpoint(Optional.of(jdbcUrl), newUser, newPassword, schema);
    }

    @Override
    public String toString() {
        // never print the password
        return url.orElse("(embedded)") + " schema " + schema + (user.isEmpty() ? "" : " as " + user);
    }
}
