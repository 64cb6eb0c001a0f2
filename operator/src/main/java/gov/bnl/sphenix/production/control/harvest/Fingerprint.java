package gov.bnl.sphenix.production.control.harvest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Size and md5 of a file as it is on disk, computed by reading it once (streaming, so a DST of
 * many GB costs one pass and no more memory than the buffer). What the harvester registers is
 * this, never what a job's manifest or stage-out name claims.
 */
record Fingerprint(long size, String md5) {

    /**
     * One reader per thread: a harvest reads thousands of files, and a fresh digest and buffer
     * per file cost more than reading a small one. A large buffer means few reads of a large file.
     */
    private static final ThreadLocal<Reader> READERS = ThreadLocal.withInitial(Reader::new);

    /** Reads {@code file}, refusing to follow it when it is a symlink. */
    static Fingerprint of(Path file) throws IOException {
        return READERS.get().read(file);
    }

    /**
     * Reads {@code file} when it is a regular file, never a link, a pipe or a device (opening a pipe
     * nobody writes blocks, a device may never end). Empty when there is no such file, or it is not
     * a regular one. It reads to the end, whatever size the look found, so a file that grew since
     * its stage-out name was written no longer matches it.
     */
    static Optional<Fingerprint> ofRegularFile(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(READERS.get().read(file));
    }

    private static final class Reader {

        private static final int BUFFER_BYTES = 1 << 20;

        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private final MessageDigest md5 = newDigest();

        Fingerprint read(Path file) throws IOException {
            md5.reset();
            long size = 0;
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                for (int n = in.read(buffer.clear()); n >= 0; n = in.read(buffer.clear())) {
                    md5.update(buffer.array(), 0, n);
                    size += n;
                }
            }
            return new Fingerprint(size, HexFormat.of().formatHex(md5.digest()));
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
