package gov.bnl.sphenix.production.control.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Size and md5 of a file as it is on disk, computed by reading it once (streaming, so a DST of
 * many GB costs one pass and no memory). What the harvester registers is this, never what a
 * job's manifest claims.
 */
record Fingerprint(long size, String md5) {

    /** Reads {@code file}, refusing to follow it when it is a symlink. */
    static Fingerprint of(Path file) throws IOException {
        MessageDigest md5 = newDigest();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), md5)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        return new Fingerprint(size, HexFormat.of().formatHex(md5.digest()));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
