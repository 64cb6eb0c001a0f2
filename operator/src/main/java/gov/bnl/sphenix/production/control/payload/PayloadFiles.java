package gov.bnl.sphenix.production.control.payload;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A production's payload as a job gets it from the shelf: its commit's directory, the absolute
 * paths of its files in the order its payload globs take them (sphenixprod's comma-separated
 * {@code payload} argument), and its script among them.
 */
public record PayloadFiles(Path directory, List<Path> files, Path script) {

    public PayloadFiles {
        Objects.requireNonNull(directory, "directory");
        files = List.copyOf(files);
        Objects.requireNonNull(script, "script");
    }
}
