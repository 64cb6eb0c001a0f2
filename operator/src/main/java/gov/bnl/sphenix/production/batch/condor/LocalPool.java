package gov.bnl.sphenix.production.batch.condor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * How this project reaches a personal HTCondor pool (the one {@code scripts/minicondor.sh} runs):
 * the command prefix that runs HTCondor's tools inside it, a directory its jobs can write, and where
 * its jobs find the job wrapper.
 */
public final class LocalPool {

    private LocalPool() {
    }

    /** {@code CONDOR_COMMAND_PREFIX}, else the pool's {@code bin/in-pool}, else none (tools on the PATH). */
    public static List<String> commandPrefix() {
        String configured = System.getenv("CONDOR_COMMAND_PREFIX");
        if (configured != null) {
            return configured.isBlank() ? List.of() : List.of(configured);
        }
        Path inPool = home().resolve("bin/in-pool");
        return Files.isExecutable(inPool) ? List.of(inPool.toString()) : List.of();
    }

    /** A directory the pool's jobs can write, else the temporary directory. */
    public static Path sharedDirectory() {
        Path share = home().resolve("share");
        return Files.isDirectory(share) ? share : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Where the pool's jobs find the job wrapper: {@code prodctl-lib/} of its shared directory (a
     * pool in its own root sees only that); empty without a pool.
     */
    public static Optional<Path> workerDirectory() {
        Path share = home().resolve("share");
        return Files.isDirectory(share) ? Optional.of(share.resolve("prodctl-lib")) : Optional.empty();
    }

    /**
     * Makes the trees a demo or test world's jobs write into ({@code data/}, {@code data/staging/},
     * {@code data/log/} under {@code root}) writable by the pool's jobs, which run as another user.
     */
    public static void openToPoolJobs(Path root) throws IOException {
        for (String tree : List.of("", "data", "data/staging", "data/log")) {
            Path dir = root.resolve(tree);
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
    }

    static Path home() {
        return Path.of(System.getenv().getOrDefault("MINICONDOR_HOME", "/var/cache/minicondor"));
    }
}
