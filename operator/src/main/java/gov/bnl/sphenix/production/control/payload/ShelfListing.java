package gov.bnl.sphenix.production.control.payload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a shelved directory holds — path, size, executable bit and SHA-256 of every file — written
 * into it last, as {@value #NAME}. Its presence says the directory is complete (it is renamed into
 * place only after this file is written); its lines let a later call check that nothing is missing
 * or changed size or mode without reading the files again.
 */
record ShelfListing(List<Entry> entries) {

    /** Hidden, so no file of a spec tree (whose hidden files are never listed) can be called so. */
    static final String NAME = ".listing";
    private static final String HEADER = "# payload shelf listing: sha256 size mode path";

    record Entry(String path, long size, boolean executable, String sha256) {

        Entry {
            ShelfFile.checkPath(path);
        }
    }

    ShelfListing {
        entries = entries.stream().sorted(Comparator.comparing(Entry::path)).toList();
    }

    static ShelfListing of(List<ShelfFile> files) {
        return new ShelfListing(files.stream()
                .map(f -> new Entry(f.path(), f.content().length, f.executable(), sha256(f.content()))).toList());
    }

    Set<String> paths() {
        Set<String> paths = new TreeSet<>();
        entries.forEach(e -> paths.add(e.path()));
        return paths;
    }

    String text() {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries) {
            s.append(e.sha256()).append(' ').append(e.size()).append(' ').append(e.executable() ? "0755" : "0644")
                    .append(' ').append(e.path()).append('\n');
        }
        return s.toString();
    }

    /** Names the content: two listings with the same files, modes and bytes hash the same. */
    String contentHash() {
        return sha256(text().getBytes(StandardCharsets.UTF_8));
    }

    /** The listing of a shelved directory; empty when it has none (not complete, or not the shelf's). */
    static Optional<ShelfListing> read(Path directory) {
        Path file = directory.resolve(NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ", 4);
                if (f.length != 4) {
                    throw new PayloadShelfException("the listing " + file + " has a line that is not 'sha256 size mode path': " + line);
                }
                entries.add(new Entry(f[3], Long.parseLong(f[1]), f[2].equals("0755"), f[0]));
            }
            return Optional.of(new ShelfListing(entries));
        } catch (IOException | NumberFormatException e) {
            throw new PayloadShelfException("cannot read the listing " + file + ": " + e, e);
        }
    }

    /**
     * What is wrong with {@code directory} measured against this listing: a file missing, a link
     * (the file or a directory on the way to it), a size or an executable bit that differ; empty
     * when every file is there as listed.
     */
    Optional<String> problemIn(Path directory) {
        for (Entry e : entries) {
            Path file = directory;
            for (String part : e.path().split("/")) {
                file = file.resolve(part);
                if (Files.isSymbolicLink(file)) {
                    return Optional.of(file + " is a symbolic link");
                }
            }
            try {
                PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    return Optional.of(file + " is not a regular file");
                }
                if (a.size() != e.size()) {
                    return Optional.of(file + " has " + a.size() + " bytes, the listing says " + e.size());
                }
                if (a.permissions().contains(PosixFilePermission.OWNER_EXECUTE) != e.executable()) {
                    return Optional.of(file + " is " + (e.executable() ? "not " : "") + "executable, unlike the listing");
                }
            } catch (IOException x) {
                return Optional.of(file + " cannot be read: " + x.getMessage());
            }
        }
        return Optional.empty();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
