package gov.bnl.sphenix.production.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The specs repository over ssh, against a real ssh server: a key and a known_hosts file let the
 * operator fetch; a server it does not know, or a key the server does not know, is a fetch
 * failure — never a silent trust and never "no productions".
 */
class GitOverSshTest {

    @TempDir
    Path dir;

    private SpecsGitRepository local;
    private Git hosted;
    private GitSshServer server;
    private KeyPair operatorKey;
    private RevCommit head;

    @BeforeEach
    void hostTheSpecs() throws Exception {
        local = SpecsGitRepository.withExampleSpecs(dir.resolve("work"));
        hosted = Git.init().setBare(true).setDirectory(dir.resolve("hosted.git").toFile()).call();
        local.git().push().setRemote(hosted.getRepository().getDirectory().toURI().toString())
                .setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        head = local.git().log().setMaxCount(1).call().iterator().next();
        operatorKey = rsa();
        server = new GitSshServer(hosted.getRepository(), operatorKey.getPublic(), dir.resolve("host-key"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        hosted.close();
        local.close();
    }

    @Test
    void aKeyAndTheServersHostKeyFetchTheBranch() throws Exception {
        FetchResult result = fetch(identity(operatorKey, server.knownHostsLine()));

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(((FetchResult.Fetched) result).revision().commitId()).isEqualTo(head.getName());
    }

    @Test
    void anUnknownServerIsRefusedNotTrusted() throws Exception {
        String someoneElse = server.knownHostsLine().replaceFirst(" .*", " ") + org.apache.sshd.common.config.keys
                .PublicKeyEntry.toString(rsa().getPublic());

        FetchResult result = fetch(identity(operatorKey, someoneElse));

        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        assertThat(((FetchResult.Failed) result).reason()).contains("Server key did not validate");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsAFetchFailure() throws Exception {
        FetchResult result = fetch(identity(rsa(), server.knownHostsLine()));

        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        assertThat(((FetchResult.Failed) result).reason()).contains(GitUrls.redact(server.url("specs.git")), "Cannot log in");
    }

    private FetchResult fetch(SshIdentity identity) throws Exception {
        try (GitSpecSource source = new GitSpecSource(server.url("specs.git"), "main", "", dir.resolve("cache-" + System.nanoTime()),
                Optional.empty(), Optional.of(identity), Duration.ofSeconds(20))) {
            return source.fetch();
        }
    }

    private SshIdentity identity(KeyPair key, String knownHostsLine) throws Exception {
        Path ssh = Files.createDirectories(dir.resolve("ssh-" + System.nanoTime()));
        Path privateKey = ssh.resolve("id_specs");
        Files.writeString(privateKey, pem(key));
        Path knownHosts = ssh.resolve("known_hosts");
        Files.writeString(knownHosts, knownHostsLine + "\n");
        return new SshIdentity(privateKey, knownHosts);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** PKCS#8 PEM, as {@code openssl pkey} writes it. */
    private static String pem(KeyPair key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }
}
