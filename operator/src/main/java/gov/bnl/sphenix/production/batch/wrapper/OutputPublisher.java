package gov.bnl.sphenix.production.batch.wrapper;

import gov.bnl.sphenix.production.batch.JobOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Moves one output from the payload's staging directory to its destination without ever showing a
 * half-written file there: it is copied to {@code <destination>.partial} (computing the checksum on
 * the way, so the file is read once), then renamed in one step. A file under its final name is
 * therefore always complete; a {@code .partial} left behind marks a job that died while copying.
 */
final class OutputPublisher {

    static final String PARTIAL = ".partial";

    private final Path staging;

    OutputPublisher(Path staging) {
        this.staging = staging;
    }

    Manifest.Output publish(JobOutput output) throws IOException {
        Path source = staging.resolve(output.lfn());
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(source.toString(), null, Files.isSymbolicLink(source)
                    ? "the payload left a symbolic link for " + output.lfn() + "; only a file is published"
                    : "the payload did not write " + output.lfn());
        }
        Path destination = output.destination();
        Files.createDirectories(destination.getParent());
        if (Files.isSymbolicLink(destination)) {
            throw new IOException(destination + " is a symbolic link; an output is never published through one");
        }
        Path partial = destination.resolveSibling(destination.getFileName() + PARTIAL);
        MessageDigest md5 = md5();
        long size;
        // a .partial of an earlier attempt (or a link planted at its name) is removed, never written through
        Files.deleteIfExists(partial);
        try {
            try (InputStream in = new DigestInputStream(Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS), md5);
                 OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                         LinkOption.NOFOLLOW_LINKS)) {
                size = in.transferTo(out);
            }
            Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a full disk must not be made fuller by the half copy that did not fit
            deleteQuietly(partial, e);
            throw e;
        }
        EventCounts events = EventCounts.read(staging.resolve(output.lfn() + EventCounts.SUFFIX));
        return new Manifest.Output(output.lfn(), destination.toString(), size, Manifest.CHECKSUM_ALGORITHM,
                HexFormat.of().formatHex(md5.digest()), events.nevents(), events.first(), events.last());
    }

    private static void deleteQuietly(Path partial, IOException cause) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
