package gov.bnl.sphenix.production.spec.tree;

import java.util.List;
import java.util.Optional;

/**
 * The files of a specs repository, addressed by repository-relative paths with '/' separators.
 * A working directory and a git commit are both spec trees, so validation in a pull request's CI,
 * on a laptop and inside the operator reads exactly the same way.
 */
public interface SpecTree {

    /** Every regular file and symlink in the tree, sorted. */
    List<String> files();

    /** The content of a regular file; empty when there is no such file or it is a directory. */
    Optional<byte[]> read(String path);

    /** Is this path, or any directory on the way to it, a symbolic link? */
    boolean isSymlink(String path);

    /**
     * Is this regular file marked executable (git's mode 100755)? Payload scripts keep the bit on
     * the worker. A tree that does not know modes says no.
     */
    default boolean isExecutable(String path) {
        return false;
    }

    /** Does a regular file exist at this path? */
    default boolean exists(String path) {
        return read(path).isPresent();
    }
}
