package gov.bnl.sphenix.production.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A benchmark's working directory, removed with everything in it when the benchmark is over. */
public final class ScratchDirectory implements AutoCloseable {

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** A new directory {@code <prefix><random>} in {@code parent}. */
    public static ScratchDirectory in(Path parent, String prefix) throws IOException {
        return new ScratchDirectory(Files.createTempDirectory(parent, prefix));
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch directory; nothing depends on it
        }
    }
}
