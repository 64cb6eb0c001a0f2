package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.batch.wrapper.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A job's manifest as the harvester reads it: from the log tree, which jobs write, so it is
 * input to be checked. A manifest that is a link (or sits below a linked directory), is not a
 * regular file, is larger than any real manifest, or does not parse is {@link Read#unusable}
 * with the reason; a missing one is {@link Read#absent}. An {@link IOException} means the file
 * could not be read just now (a file system hiccup) and is worth another try.
 */
final class ManifestFile {

    /** A real manifest is a few kB; anything much larger is not one. */
    static final int MAX_BYTES = 1 << 20;

    /** What was found: exactly one of the three. */
    record Read(Optional<Manifest> manifest, Optional<String> unusable) {

        static Read absent() {
            return new Read(Optional.empty(), Optional.empty());
        }

        boolean isAbsent() {
            return manifest.isEmpty() && unusable.isEmpty();
        }
    }

    private ManifestFile() {
    }

    static Read read(Path logRoot, Path file) throws IOException {
        Optional<Path> link = Symlinks.below(logRoot, file);
        if (link.isPresent()) {
            return unusable(link.get() + " is a symbolic link; links in the log tree are never followed");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Read.absent();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return unusable(file + " is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            return unusable(file + " is larger than " + MAX_BYTES / 1024 + " kB, which no manifest is");
        }
        try {
            return new Read(Optional.of(Manifest.parse(bytes)), Optional.empty());
        } catch (IOException e) {
            return unusable(file + " is not a readable manifest: " + firstLine(e.getMessage()));
        }
    }

    private static Read unusable(String reason) {
        return new Read(Optional.empty(), Optional.of(reason));
    }

    /** Jackson's messages go on with the source location; the first line is what a person needs. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
