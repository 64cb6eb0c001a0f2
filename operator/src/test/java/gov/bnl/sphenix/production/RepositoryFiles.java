package gov.bnl.sphenix.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files of this repository that tests read: the example specs, the README. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository root: set by the build, else found above the working directory. */
    public static Path root() {
        String configured = System.getProperty("repository.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("production-specs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with production-specs/)");
    }

    public static Path productionSpecs() {
        return root().resolve("production-specs");
    }

    /** A private copy of the example specs, for tests that break or extend them. */
    public static Path copyOfProductionSpecs(Path target) {
        try {
            copyTree(productionSpecs(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Deletes a directory tree, deepest first; nothing when it is absent. */
    public static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Copies a directory tree (or one file) to {@code target}, replacing what is there. */
    public static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = p.equals(source) ? target : target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
