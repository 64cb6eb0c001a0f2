package gov.bnl.sphenix.production.batch.condor;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What HTCondor's tools will read, from CONDOR_CONFIG and _CONDOR_SEC_TOKEN_DIRECTORY. */
class CondorClientFilesTest {

    private static final int POOL_UID = 3001;

    @TempDir
    Path dir;

    private Path token(Path directory, String name, String mode) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.writeString(directory.resolve(name), "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private int ourUid() throws IOException {
        return (Integer) Files.getAttribute(dir, "unix:uid");
    }

    @Test
    void withoutTheVariablesTheToolsUseTheirOwnFilesAndNothingIsWrong() {
        CondorClientFiles files = CondorClientFiles.of(Map.of("PATH", "/usr/bin"), 1000);

        assertThat(files.problems()).isEmpty();
        assertThat(files.describe()).isEqualTo("HTCondor tools: configuration of their own (CONDOR_CONFIG unset),"
                + " IDTOKENS of their own (_CONDOR_SEC_TOKEN_DIRECTORY unset)");
    }

    @Test
    void aConfigurationThatIsNotThereIsSaidBeforeAnyToolRuns() throws IOException {
        Path config = Files.writeString(dir.resolve("condor_config"), "COLLECTOR_HOST = pool.example.org\n");

        assertThat(CondorClientFiles.of(Map.of("CONDOR_CONFIG", config.toString()), 0).problems()).isEmpty();
        assertThat(CondorClientFiles.of(Map.of("CONDOR_CONFIG", dir.resolve("missing").toString()), 0).problems())
                .containsExactly("CONDOR_CONFIG names " + dir.resolve("missing") + ", which is not a readable file");
    }

    @Test
    void aTokenCountsOnlyWhenHTCondorWouldReadIt() throws IOException {
        Path tokens = dir.resolve("tokens.d");
        Path good = token(tokens, "pool", "rw-------");
        Path shared = token(tokens, "shared", "rw-r-----");
        Files.createDirectories(tokens.resolve("..data"));
        Map<String, String> environment = Map.of("_CONDOR_SEC_TOKEN_DIRECTORY", tokens.toString());

        CondorClientFiles ours = CondorClientFiles.of(environment, ourUid());
        assertThat(ours.tokens()).containsExactly(good);
        assertThat(ours.problems()).containsExactly("HTCondor skips the token file " + shared
                + ": readable or writable by others (mode 640; HTCondor wants 600)");
        assertThat(ours.describe()).endsWith("IDTOKENS 1 in " + tokens);

        CondorClientFiles someoneElses = CondorClientFiles.of(environment, ourUid() + 1);
        assertThat(someoneElses.tokens()).isEmpty();
        assertThat(someoneElses.problems()).contains("_CONDOR_SEC_TOKEN_DIRECTORY names " + tokens
                + ", which holds no token HTCondor will use (IDTOKENS authentication will fail)");
    }

    /**
     * The pool's own tools, given only IDTOKENS, authenticate with the token directory the operator
     * counts a token in, and fail with one laid out as Kubernetes mounts a Secret (owned by root,
     * readable by the pod's group): what the chart's token copy is for. The variables reach the
     * tools through the operator's command runner, as in the pod.
     */
    @Test
    @Tag("condor")
    void thePoolsToolsUseExactlyTheTokensCounted() throws Exception {
        MiniCondorPool.requireUp();
        Path root = MiniCondorPool.share().resolve("tokens-" + UUID.randomUUID());
        try {
            String token = poolToken();
            Path copied = root.resolve("copied");
            Path mounted = root.resolve("secret");
            for (Path d : List.of(root, copied, mounted)) {
                Files.createDirectories(d);
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Path file = Files.writeString(copied.resolve("pool"), token);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Files.setAttribute(file, "unix:uid", POOL_UID);
            Path secret = Files.writeString(mounted.resolve("pool"), token);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("r--r-----"));
            Files.setAttribute(secret, "unix:gid", POOL_UID);

            for (Path tokens : List.of(copied, mounted)) {
                Map<String, String> environment = Map.of("PATH", "/usr/bin:/bin",
                        "_CONDOR_SEC_TOKEN_DIRECTORY", tokens.toString(),
                        "_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS", "IDTOKENS",
                        "PRODOP_CATALOG_PASSWORD", "never passed on");
                boolean counted = !CondorClientFiles.of(environment, POOL_UID).tokens().isEmpty();
                CommandResult ping = new CommandRunner(environment).run(List.of("/usr/sbin/chroot",
                        "--userspec=" + POOL_UID + ":" + POOL_UID, MiniCondorPool.home().resolve("root").toString(),
                        "condor_ping", "-type", "schedd", "WRITE"), null, Duration.ofSeconds(30));
                assertThat(ping.succeeded()).as("condor_ping with the tokens of %s: %s", tokens, ping.describe())
                        .isEqualTo(counted).isEqualTo(tokens.equals(copied));
            }
        } finally {
            RepositoryFiles.deleteTree(root);
        }
    }

    /** A token of the pool's signing key for its submit user, made by the pool's administrator. */
    private static String poolToken() throws Exception {
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        Process p = new ProcessBuilder(MiniCondorPool.home().resolve("bin/pool-admin").toString(), "condor_token_create",
                "-identity", "submitter@" + host, "-lifetime", "3600").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("condor_token_create").isZero();
        return token;
    }
}
