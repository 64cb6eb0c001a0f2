package gov.bnl.sphenix.production.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The small files of one job, side by side in its log directory and named after its output stem:
 * stdout ({@code .out}), stderr ({@code .err}), the batch system's event log ({@code .condor})
 * (unless the rule's {@code log} puts it elsewhere) and the manifest the wrapper writes ({@code .manifest.json}); for a job in sphenixprod's
 * convention also its input list, {@code <stem>.inputs/}{@value #SHIPPED_INPUT_LIST}, which the
 * job copies into its scratch directory with the rest of its payload. The log directory is on a
 * file system every worker writes to directly, so nothing is ever copied back to the submit host.
 */
public record JobFiles(Path directory, String stem, Path batchLog) {

    public static final String MANIFEST_SUFFIX = ".manifest.json";
    /**
     * The name the list helpers read the job's inputs from, in the scratch directory. Not
     * {@code *.list}: the streaming combiner counts those and stops on a stray one.
     */
    public static final String SHIPPED_INPUT_LIST = "prodop-inputs.txt";

    public JobFiles {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(stem, "stem");
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("the log directory must be absolute (a worker starts elsewhere): " + directory);
        }
        if (stem.isEmpty() || stem.contains("/") || stem.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + stem + "' is not a file stem");
        }
        if (!batchLog.isAbsolute()) {
            throw new IllegalArgumentException("the batch log must be absolute (the batch system writes it): " + batchLog);
        }
    }

    /** A job whose batch log is {@code <stem>.condor} beside its other logs. */
    public JobFiles(Path directory, String stem) {
        this(directory, stem, directory.resolve(stem + ".condor"));
    }

    public Path stdout() {
        return directory.resolve(stem + ".out");
    }

    public Path stderr() {
        return directory.resolve(stem + ".err");
    }

    public Path manifest() {
        return directory.resolve(stem + MANIFEST_SUFFIX);
    }

    /** The input list of a job in sphenixprod's convention, alone in a directory so that it keeps its name when copied. */
    public Path shippedInputList() {
        return directory.resolve(stem + ".inputs").resolve(SHIPPED_INPUT_LIST);
    }
}
