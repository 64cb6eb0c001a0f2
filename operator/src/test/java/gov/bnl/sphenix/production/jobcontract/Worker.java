package gov.bnl.sphenix.production.jobcontract;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A batch worker in a temporary directory, set up the way the operator will set up a job: the
 * helper directory as SPHENIXPROD_SCRIPT_PATH, the stand-in root.exe first on PATH, a scratch
 * directory, the job's output, histogram and log directories, and a shipped input list. Jobs run
 * the committed run scripts through bash with sphenixprod's argument vector.
 */
final class Worker {

    static final Path HELPERS = RepositoryFiles.root().resolve("operator/src/main/resources/sphenixprod-helpers");
    static final Path STANDIN = RepositoryFiles.productionSpecs().resolve("payloads/standin");
    static final String INPUT_LIST = "prodop-inputs.txt";
    /** The helper files the operator adds to every rule's payload, as sphenixprod adds its own. */
    static final List<String> SHIPPED_HELPERS = List.of("stageout.sh", "create_filelist_run_daqhost.py",
            "create_full_filelist_run_seg.py", "prodop_inputs.py");
    private static final long JOB_SECONDS = 60;

    final Path scratch;
    final Path outdir;
    final Path histdir;
    final Path logdir;
    final Path data;
    final Path inputList;

    Worker(Path root) {
        scratch = root.resolve("scratch");
        outdir = root.resolve("dst");
        histdir = root.resolve("hist");
        logdir = root.resolve("log");
        data = root.resolve("data");
        inputList = root.resolve("ship").resolve(INPUT_LIST);
        for (Path dir : List.of(scratch, outdir, histdir, logdir, data, inputList.getParent())) {
            createDirectories(dir);
        }
    }

    static Path script(String period, String area, String name) {
        return RepositoryFiles.productionSpecs().resolve("rules").resolve(period).resolve(area).resolve(name);
    }

    /** An input file in the data area, named as sPHENIX names them (the stand-in reads run numbers from names). */
    Path input(String name) {
        Path file = data.resolve(name);
        write(file, "input " + name + "\n");
        return file;
    }

    /** Writes the input list the operator ships with the job: lines of "path [daqhost]". */
    void ship(List<String> lines) {
        write(inputList, String.join("\n", lines) + "\n");
    }

    /** The payload argument: the shipped helpers, the rule's payload glob, the job's input list if one was shipped. */
    String payload(Path script) {
        List<String> items = new ArrayList<>();
        SHIPPED_HELPERS.forEach(helper -> items.add(HELPERS.resolve(helper).toString()));
        items.add(script.getParent() + "/*");
        if (Files.exists(inputList)) {
            items.add(inputList.toString());
        }
        return String.join(",", items);
    }

    Process start(Path script, JobArguments job, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(job.vector(outdir, histdir, logdir, payload(script)));
        return start(command, environment, logdir.resolve(job.logbase() + ".out"));
    }

    /** Starts a command in the scratch directory, its output and errors into one log file. */
    Process start(List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        for (String inherited : List.of("PRODDB_DBID", "PRODOP_EVENT_COUNTER", "ROOT_STANDIN_STALL_AFTER")) {
            env.remove(inherited);
        }
        env.put("PATH", STANDIN + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("SPHENIXPROD_SCRIPT_PATH", HELPERS.toString());
        env.put("_CONDOR_SCRATCH_DIR", scratch.toString());
        env.put("SPHENIX_SETUP_SCRIPT", scratch.resolve("no-sphenix-setup-here.sh").toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JobRun run(Path script, JobArguments job) {
        return run(script, job, Map.of());
    }

    JobRun run(Path script, JobArguments job, Map<String, String> environment) {
        return finish(start(script, job, environment), logdir.resolve(job.logbase() + ".out"));
    }

    static JobRun finish(Process process, Path log) {
        try {
            if (!process.waitFor(JOB_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the job ran longer than " + JOB_SECONDS + " s:\n" + read(log));
            }
            return new JobRun(process.exitValue(), read(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The file names of a directory, sorted. */
    static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The staged-out files of a directory, each parsed and checked against its content. */
    static List<StagedName> staged(Path dir) {
        List<StagedName> found = new ArrayList<>();
        for (String name : names(dir)) {
            if (StagedName.isStaged(name)) {
                StagedName staged = StagedName.parse(name);
                Path file = dir.resolve(name);
                if (staged.size() != size(file) || !staged.md5().equals(md5(file))) {
                    throw new AssertionError(name + " is " + size(file) + " bytes with md5 " + md5(file));
                }
                found.add(staged);
            }
        }
        return found;
    }

    /** The content of the staged-out file whose lfn is given. */
    static String stagedContent(Path dir, String lfn) {
        return read(dir.resolve(names(dir).stream().filter(name -> name.startsWith(lfn + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no staged " + lfn + " in " + names(dir)))));
    }

    static String md5(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a job ended: its exit code and everything it printed. */
    record JobRun(int exitCode, String output) {
    }
}
