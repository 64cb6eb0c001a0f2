package gov.bnl.sphenix.production.control.payload;

import java.util.Objects;

/**
 * One file to put on the shelf: its path inside the shelved directory, its bytes and whether it is
 * executable. The path comes from a spec tree a pull request wrote, so it is checked here before
 * anything is written: relative, '/'-separated, no empty, '.' or '..' parts, no hidden parts (the
 * shelf's own listing and temporary directories are hidden), no control characters.
 */
record ShelfFile(String path, byte[] content, boolean executable) {

    ShelfFile {
        checkPath(path);
        Objects.requireNonNull(content, "content");
    }

    /** Refuses a path that could leave the shelved directory or collide with the shelf's own files. */
    static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new PayloadShelfException("payload path '" + path.replaceAll("\\p{Cntrl}", "?")
                    + "' is not a plain repository-relative path");
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith(".")) {
                throw new PayloadShelfException("payload path '" + path + "' has a part '" + part
                        + "' that is empty, hidden or climbs out of its directory");
            }
        }
        return path;
    }
}
