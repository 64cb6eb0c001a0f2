package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.wrapper.JobWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job wrapper's class path while tests run, before the shaded jar exists: this project's
 * classes and the jars the wrapper uses. {@link #installInto} copies them where a worker of the
 * test pool can read them, the way a real deployment installs {@code prodctl.jar} on the workers.
 */
public final class WorkerClasspath {

    private static final List<String> NEEDED = List.of(JobWrapper.class.getName(),
            "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonParser",
            "com.fasterxml.jackson.annotation.JsonInclude", "org.slf4j.LoggerFactory", "ch.qos.logback.classic.Logger",
            "ch.qos.logback.core.Appender");

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
                RepositoryFiles.copyTree(entry, target);
                installed.add(target.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(":", installed);
    }
}
