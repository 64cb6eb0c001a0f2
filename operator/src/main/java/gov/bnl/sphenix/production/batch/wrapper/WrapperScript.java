package gov.bnl.sphenix.production.batch.wrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The job wrapper's script ({@value #RESOURCE} in this jar): what a worker node runs, needing a
 * POSIX shell and coreutils only. Installed under a name that carries a hash of its content, so a
 * new operator version never changes the file a queued job will run.
 */
final class WrapperScript {

    static final String RESOURCE = "prodop-job.sh";

    private static final byte[] CONTENT = load();
    private static final String NAME = "prodop-job-" + HexFormat.of().formatHex(sha256(CONTENT), 0, 6) + ".sh";

    private WrapperScript() {
    }

    /** The installed file's name: {@code prodop-job-<12 hex digits of the SHA-256>.sh}. */
    static String fileName() {
        return NAME;
    }

    /**
     * Writes the script to {@code target} unless it is already there with this content: through a
     * {@code .partial} made new and a rename, readable and executable by everyone (the jobs run
     * as other accounts), writable by us only. A link at the target's name is replaced, never
     * followed.
     */
    static void install(Path target) {
        try {
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    && Arrays.equals(Files.readAllBytes(target), CONTENT)) {
                return;
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Files.write(partial, CONTENT, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the job wrapper at " + target + ": " + e.getMessage(), e);
        }
    }

    private static byte[] load() {
        try (InputStream in = WrapperScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the job wrapper " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
