package gov.bnl.sphenix.production.control.payload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Directories written once, whole, and never changed afterwards: jobs submitted with a directory
 * keep reading it while later ones use another. A directory is written into a hidden temporary
 * sibling, its {@link ShelfListing} last, then renamed into place in one step, so a reader sees
 * either nothing or everything. Two writers racing on one name both end with the one directory
 * that won: the loser's rename fails, it checks the winner's directory and removes its own copy.
 *
 * <p>A temporary directory left by a crash is never taken for a complete one (it has the wrong
 * name); one older than {@link #ABANDONED} is removed the next time that name is written. A
 * younger one may belong to a writer still at work, so it is left alone.
 *
 * <p>Directories are made with the job directories' mode ({@code PRODOP_JOB_DIRECTORY_MODE}: a
 * setgid bit keeps the production group; unset, the umask) but never writable by group or others: jobs only read
 * a payload, and nobody but the operator may change what was reviewed. Files get their git mode,
 * 0644 or 0755.
 */
final class WriteOnceDirectory {

    /** A temporary directory this old has no writer any more: writing a payload takes seconds. */
    static final Duration ABANDONED = Duration.ofHours(1);
    private static final String PARTIAL = ".partial-";

    private final Path parent;
    private final OptionalInt mode;
    private final Clock clock;

    /** @param mode mode of the directories made here, before the group and other write bits are taken away */
    WriteOnceDirectory(Path parent, OptionalInt mode, Clock clock) {
        this.parent = parent.toAbsolutePath().normalize();
        this.mode = mode.isPresent() ? OptionalInt.of(mode.getAsInt() & ~022) : mode;
        this.clock = clock;
    }

    /**
     * The complete directory {@code name} with its listing: found in place and checked against
     * its listing, else written from {@code files}, which is called only then.
     */
    Shelved ensure(String name, Supplier<List<ShelfFile>> files) {
        if (ShelfFile.checkPath(name).contains("/")) {
            throw new PayloadShelfException("a shelved directory's name is one path part, not '" + name + "'");
        }
        Path target = parent.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return existing(target);
        }
        Path partial = parent.resolve("." + name + PARTIAL + UUID.randomUUID());
        try {
            directories(parent);
            removeAbandoned(name);
            ShelfListing listing = write(partial, files.get());
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                return new Shelved(target, listing);
            } catch (IOException lost) {
                // another writer renamed its copy into place first; theirs is the one
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    return existing(target);
                }
                throw lost;
            }
        } catch (IOException e) {
            throw new PayloadShelfException("cannot write " + target + ": " + e, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** A directory and what it holds. */
    record Shelved(Path directory, ShelfListing listing) {
    }

    private static Shelved existing(Path target) {
        if (Files.isSymbolicLink(target) || !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new PayloadShelfException(target + " is not a directory the payload shelf wrote (a link or a file)");
        }
        ShelfListing listing = ShelfListing.read(target).orElseThrow(() -> new PayloadShelfException(target
                + " has no " + ShelfListing.NAME + ": it was not written by the payload shelf; remove it and it is written again"));
        listing.problemIn(target).ifPresent(problem -> {
            throw new PayloadShelfException(target + " is no longer what was shelved: " + problem
                    + "; jobs that read it may fail; remove it (no job may be running from it) and it is written again");
        });
        return new Shelved(target, listing);
    }

    private ShelfListing write(Path partial, List<ShelfFile> files) throws IOException {
        Files.createDirectory(partial);
        setMode(partial);
        for (ShelfFile f : files) {
            Path file = partial.resolve(f.path()).normalize();
            if (!file.startsWith(partial) || file.equals(partial)) {
                throw new PayloadShelfException("payload path '" + f.path() + "' leaves its directory");
            }
            directories(file.getParent());
            sync(file, f.content());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(f.executable() ? "rwxr-xr-x" : "rw-r--r--"));
        }
        ShelfListing listing = ShelfListing.of(files);
        sync(partial.resolve(ShelfListing.NAME), listing.text().getBytes(StandardCharsets.UTF_8));
        return listing;
    }

    /** Written and forced to disk before the rename, so a crash cannot leave a complete-looking directory of empty files. */
    private static void sync(Path file, byte[] content) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    private void removeAbandoned(String name) throws IOException {
        FileTime before = FileTime.from(clock.instant().minus(ABANDONED));
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(parent, "." + name + PARTIAL + "*")) {
            for (Path p : partials) {
                if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0) {
                    deleteQuietly(p);
                }
            }
        }
    }

    /** Makes a directory and its missing parents, each with the mode. */
    private void directories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = directory; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(directory);
        for (Path made : missing) {
            setMode(made);
        }
    }

    private void setMode(Path directory) throws IOException {
        if (mode.isPresent()) {
            // the "unix" view sets setgid too, which PosixFilePermission cannot express
            Files.setAttribute(directory, "unix:mode", mode.getAsInt(), LinkOption.NOFOLLOW_LINKS);
        } else {
            Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
            umasked.removeAll(Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
            Files.setPosixFilePermissions(directory, umasked);
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // left for the next writer of this name, which removes it once abandoned
        }
    }
}
