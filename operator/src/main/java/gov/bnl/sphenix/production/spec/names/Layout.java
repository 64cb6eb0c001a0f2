package gov.bnl.sphenix.production.spec.names;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where outputs, logs and histograms of a job live. DSTs go to the bulk file system (Lustre at
 * BNL); logs and histograms to a different one (GPFS), so a full DST disk never hides the logs
 * that explain it. Each tree is {@code <root>/<dataset>/<runtype>/<tag>/<rungroup>/<product>/}.
 */
public record Layout(Path dstRoot, Path logRoot, Path histRoot) {

    public Layout {
        Objects.requireNonNull(dstRoot, "dstRoot");
        Objects.requireNonNull(logRoot, "logRoot");
        Objects.requireNonNull(histRoot, "histRoot");
    }

    /** One root for everything: the demo and the tests. */
    public static Layout under(Path root) {
        return new Layout(root.resolve("dst"), root.resolve("log"), root.resolve("hist"));
    }

    public Path dstDirectory(OutputFile file, String runtype) {
        return tree(dstRoot, file, runtype);
    }

    public Path dstPath(OutputFile file, String runtype) {
        return dstDirectory(file, runtype).resolve(file.fileName());
    }

    public Path logDirectory(OutputFile file, String runtype) {
        return tree(logRoot, file, runtype);
    }

    /** stdout, stderr and the batch system's own log of the job that makes {@code file}. */
    public Path logPath(OutputFile file, String runtype, LogKind kind) {
        return logDirectory(file, runtype).resolve(file.stem() + kind.extension());
    }

    public Path histDirectory(OutputFile file, String runtype) {
        return tree(histRoot, file, runtype);
    }

    /** QA histograms of a job: {@code HIST_<product>_<dataset>_<tag>-<run>-<seg>.root}. */
    public Path histPath(OutputFile file, String runtype) {
        return histDirectory(file, runtype).resolve("HIST_" + stripDstPrefix(file.stem()) + OutputFile.EXTENSION);
    }

    private static String stripDstPrefix(String stem) {
        return stem.startsWith("DST_") ? stem.substring(4) : stem;
    }

    private static Path tree(Path root, OutputFile file, String runtype) {
        if (!CharacterRules.isRuntype(runtype)) {
            throw new IllegalArgumentException("runtype '" + runtype + "' must be lower-case letters and '_', like physics or line_laser");
        }
        return root.resolve(file.dataset())
                .resolve(runtype)
                .resolve(file.tag().toString())
                .resolve(file.runGroup().directoryName())
                .resolve(file.product());
    }

    public enum LogKind {
        STDOUT(".out"), STDERR(".err"), BATCH(".condor");

        private final String extension;

        LogKind(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }
}
