package gov.bnl.sphenix.production.catalog.deletion;

import gov.bnl.sphenix.production.catalog.files.FileLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Outputs on a locally mounted file system. Only paths under the configured roots are ever
 * removed: a catalog row pointing somewhere unexpected is reported, not followed.
 */
public final class LocalOutputStore implements OutputStore {

    private final List<Path> roots;

    public LocalOutputStore(List<Path> roots) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("a local output store needs at least one root to delete under");
        }
        this.roots = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    }

    @Override
    public boolean remove(FileLocation copy) throws IOException {
        Path path = Path.of(copy.path()).toAbsolutePath().normalize();
        if (roots.stream().noneMatch(path::startsWith)) {
            throw new IOException(copy.path() + " is outside the output roots " + roots + "; not removed");
        }
        return Files.deleteIfExists(path);
    }
}
