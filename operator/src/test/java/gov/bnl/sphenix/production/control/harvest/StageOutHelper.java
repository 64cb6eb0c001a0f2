package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stages an output the way a job of sphenixprod's convention does: the file and its
 * {@code .events} sidecar written in a scratch directory, then the project's own
 * {@code stageout.sh} run on it, as a macro's closing script runs it (no dbid argument: the
 * helper takes the job's id from {@code PRODDB_DBID}, which the prep script exports).
 */
final class StageOutHelper {

    static final Path STAGEOUT = RepositoryFiles.root().resolve("operator/src/main/resources/sphenixprod-helpers/stageout.sh");

    private final Path scratch;

    StageOutHelper(Path scratch) throws IOException {
        this.scratch = Files.createDirectories(scratch);
    }

    /** Stages {@code lfn} into {@code destination} with {@code dbid}; returns the staged file. */
    Path stage(String lfn, String content, long nevents, long first, Path destination, long dbid) throws Exception {
        Path file = scratch.resolve(lfn);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.writeString(scratch.resolve(lfn + ".events"),
                "nevents=" + nevents + "\nfirst=" + first + "\nlast=" + (first + nevents - 1) + "\n");
        Path log = scratch.resolve("stageout.log");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", STAGEOUT.toString(), file.toString(),
                destination.toString())).directory(scratch.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PRODDB_DBID", Long.toString(dbid));
        builder.environment().put("SPHENIXPROD_SCRIPT_PATH", STAGEOUT.getParent().toString());
        builder.environment().remove("PRODOP_EVENT_COUNTER");
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("stageout.sh " + lfn + " failed: " + Files.readString(log));
        }
        try (var staged = Files.list(destination)) {
            return staged.filter(p -> p.getFileName().toString().startsWith(lfn + ":") && p.getFileName().toString()
                    .endsWith(":dbid:" + dbid)).findFirst().orElseThrow(() -> new AssertionError("nothing staged for " + lfn));
        }
    }
}
