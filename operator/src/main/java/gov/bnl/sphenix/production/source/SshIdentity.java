package gov.bnl.sphenix.production.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the operator proves itself to an ssh git server and knows the server is the right one: a
 * private key (OpenSSH or PKCS#8 PEM, without passphrase — it lives in a Secret) and a
 * known_hosts file. A server whose key is not in known_hosts is refused, never trusted on first
 * use: a fetch that could be redirected to another server would decide what runs on the farm.
 */
public record SshIdentity(Path privateKey, Path knownHosts) {

    public SshIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(knownHosts, "knownHosts");
    }
}
