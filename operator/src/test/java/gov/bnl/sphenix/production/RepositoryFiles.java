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

    /** Every rule-set file of the example specs, relative to them ({@code rules/run3auau/...yaml}), sorted. */
    public static java.util.List<String> ruleFiles() throws IOException {
        Path specs = productionSpecs();
        try (Stream<Path> files = Files.walk(specs.resolve("rules"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).map(f -> specs.relativize(f).toString()).sorted()
                    .toList();
        }
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

    /**
     * A private copy of the example specs whose catalogue has two hosts per detector instead of
     * sixty-three DAQ hosts: the same rules, scripts and chains, with a job per leaf that a test on
     * two cores can run in seconds (every leaf runs the same script).
     */
    public static Path copyOfProductionSpecsWithFewHosts(Path target) {
        Path copy = copyOfProductionSpecs(target);
        Path catalogue = copy.resolve("catalogue.yaml");
        try {
            String text = Files.readString(catalogue);
            for (String[] fewer : new String[][] {{"ebdc{00..23}_{0..1}", "ebdc{00..01}_{0..1}"},
                    {"intt{0..7}", "intt{0..1}"}, {"mvtx{0..5}", "mvtx{0..1}"}, {"seb{00..20}", "seb{00..01}"}}) {
                if (!text.contains(fewer[0])) {
                    throw new IllegalStateException("the example catalogue no longer declares " + fewer[0]);
                }
                text = text.replace(fewer[0], fewer[1]);
            }
            Files.writeString(catalogue, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
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
