package gov.bnl.sphenix.production.control.harvest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Jobs write the staging and log trees, so a job (or anyone sharing its account) could plant a
 * symlink there pointing at a file of someone else. The harvester follows none: it looks at every
 * component from the tree's root down to the file, and refuses the first that is a link. The root
 * itself is configuration (an administrator may well have made it a link) and is trusted.
 */
final class Symlinks {

    private Symlinks() {
    }

    /** The first symlink strictly below {@code root} on the way to {@code path} (inclusive), if any. */
    static Optional<Path> below(Path root, Path path) {
        Path relative = root.relativize(path);
        if (relative.startsWith("..") || relative.isAbsolute()) {
            throw new IllegalArgumentException(path + " is not under " + root);
        }
        Path current = root;
        for (Path part : relative) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }
}
