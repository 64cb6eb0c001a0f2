package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Resolves paths written in spec files against the repository and refuses any that leave it:
 * absolute paths, {@code ..} climbing above the root, and symbolic links (a link can point anywhere
 * on the operator's machine, and a pull request reviewer would not see where).
 */
final class RepoPath {

    private RepoPath() {
    }

    /**
     * The repository-relative form of {@code written}, taken relative to {@code baseDirectory}
     * (itself repository-relative, "" for the root), or empty after reporting why it is refused.
     */
    static Optional<String> resolve(String written, String baseDirectory, SpecTree tree, String what,
                                    SourceLocation at, Diagnostics out) {
        if (written.isBlank()) {
            out.error(at, what + " is empty", "write a path inside the specs repository");
            return Optional.empty();
        }
        if (written.startsWith("/") || written.startsWith("~") || written.matches("^[A-Za-z]:[\\\\/].*")
                || written.contains("\\")) {
            out.error(at, what + " '" + written + "' is an absolute path",
                    "write it relative to the specs repository, so every checkout reads the same file");
            return Optional.empty();
        }
        Optional<String> normal = normalise(baseDirectory.isEmpty() ? written : baseDirectory + "/" + written);
        if (normal.isEmpty()) {
            out.error(at, what + " '" + written + "' leaves the specs repository",
                    "keep files inside the repository; remove the '..' parts");
            return Optional.empty();
        }
        if (tree.isSymlink(nonGlobPrefix(normal.get()))) {
            out.error(at, what + " '" + written + "' goes through a symbolic link",
                    "commit the file itself; links can point outside the repository");
            return Optional.empty();
        }
        return normal;
    }

    /** Collapses '.' and '..'; empty when '..' climbs above the root. */
    static Optional<String> normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    static String directoryOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /** For globs: the directory part before the first wildcard. */
    static String nonGlobPrefix(String path) {
        int wildcard = indexOfAny(path, "*?[{");
        if (wildcard < 0) {
            return path;
        }
        int slash = path.lastIndexOf('/', wildcard);
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
