package gov.bnl.sphenix.production.batch.condor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * How this project reaches a personal HTCondor pool (the one {@code scripts/minicondor.sh} runs):
 * the command prefix that runs HTCondor's tools inside it, a directory its jobs can write, and the
 * class path jobs start the wrapper from.
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

    /** The jar (or classes directory) this JVM runs from: what the jobs start. */
    public static String ownClasspath() {
        try {
            return Path.of(LocalPool.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return "prodctl.jar";
        }
    }

    /**
     * The class path the pool's jobs start the wrapper from: this JVM's jar, copied into the shared
     * directory when the pool cannot see it where it is (a pool in its own root sees only that).
     */
    public static String workerClasspath() {
        Path own = Path.of(ownClasspath());
        Path share = home().resolve("share");
        if (!Files.isRegularFile(own) || !Files.isDirectory(share) || own.toAbsolutePath().startsWith(share)) {
            return own.toString();
        }
        try {
            Path lib = Files.createDirectories(share.resolve("prodctl-lib"));
            Path copy = lib.resolve("prodctl-" + Files.size(own) + "-" + Files.getLastModifiedTime(own).toMillis() + ".jar");
            if (!Files.exists(copy)) {
                Path partial = lib.resolve(copy.getFileName() + ".partial");
                Files.copy(own, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            }
            return copy.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the worker jar where the pool sees it: " + e.getMessage(), e);
        }
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
