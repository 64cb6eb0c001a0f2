package gov.bnl.sphenix.production.spec.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A spec tree on disk: a checkout of the specs repository. Symlinks are listed but never followed. */
public final class DirectoryTree implements SpecTree {

    private static final long MAX_READ = 16L * 1024 * 1024;

    private final Path root;

    public DirectoryTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public List<String> files() {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root))
                    .filter(p -> !isHidden(root.relativize(p)))
                    .filter(p -> Files.isSymbolicLink(p) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> files.add(relative(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        files.sort(null);
        return files;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Optional<Path> file = resolve(path);
        if (file.isEmpty() || isSymlink(path) || !Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file.get()) > MAX_READ) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isExecutable(String path) {
        Optional<Path> file = resolve(path);
        return file.isPresent() && !isSymlink(path) && Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS)
                && Files.isExecutable(file.get());
    }

    @Override
    public boolean isSymlink(String path) {
        Optional<Path> file = resolve(path);
        if (file.isEmpty()) {
            return false;
        }
        Path current = root;
        for (Path part : root.relativize(file.get())) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Path> resolve(String path) {
        Path resolved = root.resolve(path).normalize();
        return resolved.startsWith(root) ? Optional.of(resolved) : Optional.empty();
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** Dot-directories (.git, .github) are tooling, not specs. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
