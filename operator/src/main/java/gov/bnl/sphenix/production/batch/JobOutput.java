package gov.bnl.sphenix.production.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file a job must produce: the payload writes {@code lfn} into its working directory, the
 * wrapper publishes it at {@code destination}.
 */
public record JobOutput(String lfn, Path destination) {

    public JobOutput {
        Objects.requireNonNull(lfn, "lfn");
        Objects.requireNonNull(destination, "destination");
        if (lfn.isEmpty() || lfn.contains("/") || lfn.contains("=") || lfn.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + lfn + "' is not a logical file name (no '/', '=' or spaces)");
        }
        if (!destination.isAbsolute()) {
            throw new IllegalArgumentException("the destination of " + lfn + " must be absolute: " + destination);
        }
    }
}
