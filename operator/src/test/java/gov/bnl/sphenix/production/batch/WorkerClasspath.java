package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.batch.wrapper.JobWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The job wrapper's class path while tests run, before the shaded jar exists: this project's
 * classes and the jars the wrapper uses. {@link #installInto} copies them where a worker of the
 * test pool can read them, the way a real deployment installs {@code prodctl.jar} on the workers.
 */
public final class WorkerClasspath {

    private static final List<String> NEEDED = List.of(JobWrapper.class.getName(),
            "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonParser",
            "com.fasterxml.jackson.annotation.JsonInclude", "org.slf4j.LoggerFactory", "org.slf4j.simple.SimpleLogger");

    private WorkerClasspath() {
    }

    /** Where the needed classes are now: directories and jars. */
    public static List<Path> entries() {
        List<Path> entries = new ArrayList<>();
        for (String name : NEEDED) {
            try {
                Path where = Path.of(Class.forName(name).getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!entries.contains(where)) {
                    entries.add(where);
                }
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException("the job wrapper needs " + name + " on the test class path", e);
            }
        }
        return entries;
    }

    public static String here() {
        return String.join(":", entries().stream().map(Path::toString).toList());
    }

    /** Copies the class path into {@code directory} (readable by everyone) and returns it as seen there. */
    public static String installInto(Path directory) {
        List<String> installed = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            int n = 0;
            for (Path entry : entries()) {
                Path target = directory.resolve((n++) + "-" + entry.getFileName());
                copy(entry, target);
                installed.add(target.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(":", installed);
    }

    private static void copy(Path source, Path target) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
