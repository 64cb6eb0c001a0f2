package gov.bnl.sphenix.production.control.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Moves a verified output from staging into the final tree. On one file system that is a rename.
 * Across file systems (a staging tree on Lustre, the histogram tree on GPFS) a rename fails with
 * EXDEV, so the file is copied to a hidden name in the target directory, synced to disk, renamed
 * into place (a rename within one directory is atomic) and only then removed from staging. A file
 * under its final name is therefore always complete, and a crash at any point is finished by the
 * next harvest: a leftover hidden copy is replaced, and a staged file whose identical copy is
 * already in place is simply removed (see {@link OutputPlacement}).
 *
 * <p>The caller has checked that nothing is at the target: this class never replaces a file, and
 * only the harvester writes the final tree.
 */
final class OutputMove {

    /** The hidden name a copy is written under before its rename into place. */
    static final String COPY_SUFFIX = ".harvest-partial";

    private OutputMove() {
    }

    static void move(Path staged, Path target) throws IOException {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw NoSpaceLeft.isNoSpace(e) ? new NoSpaceLeft(target.getParent(), e) : e;
        }
        moveIntoExistingDirectory(staged, target);
    }

    /** {@link #move} when the target's directory is known to exist (a harvest moving many files into one). */
    static void moveIntoExistingDirectory(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            copyAcross(staged, target);
        }
    }

    private static void copyAcross(Path staged, Path target) throws IOException {
        commit(copyBeside(staged, target), staged, target);
    }

    /**
     * The first half of a move across file systems: the staged file copied, synced, under the
     * hidden name beside {@code target} (the part that needs space). The staged file stays.
     */
    static Path copyBeside(Path staged, Path target) throws IOException {
        Path copy = target.resolveSibling("." + target.getFileName() + COPY_SUFFIX);
        Files.deleteIfExists(copy);
        try (InputStream in = Files.newInputStream(staged, LinkOption.NOFOLLOW_LINKS);
             FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     LinkOption.NOFOLLOW_LINKS)) {
            in.transferTo(Channels.newOutputStream(out));
            out.force(true);
        } catch (IOException e) {
            // a full disk must not leave a hidden half copy behind
            Files.deleteIfExists(copy);
            throw NoSpaceLeft.isNoSpace(e) ? new NoSpaceLeft(target.getParent(), e) : e;
        }
        return copy;
    }

    /**
     * The second half: the hidden copy renamed into place (atomic, within one directory: it needs
     * no space), made durable, and only then the staged file removed.
     */
    static void commit(Path copy, Path staged, Path target) throws IOException {
        Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        Files.delete(staged);
    }

    /** Whether a rename from {@code stagedDirectory} into {@code finalDirectory} would have to copy. */
    static boolean acrossFileSystems(Path stagedDirectory, Path finalDirectory) throws IOException {
        return !Files.getAttribute(stagedDirectory, "unix:dev").equals(Files.getAttribute(finalDirectory, "unix:dev"));
    }

    /** The rename is durable only once its directory is on disk. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
