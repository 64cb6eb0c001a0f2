package gov.bnl.sphenix.production.batch.condor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import gov.bnl.sphenix.production.batch.ChildEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with a time limit. Output goes to temporary files rather than pipes, so a tool
 * that prints a lot (a {@code condor_q} of 50k jobs) can never block on a full pipe while we wait
 * for it; standard input is written from its own thread for the same reason. The tools get only
 * the {@link ChildEnvironment#CONDOR_TOOLS} part of the operator's environment.
 */
final class CommandRunner {

    private final Path scratch;
    private final Map<String, String> parentEnvironment;

    CommandRunner() {
        this(System.getenv());
    }

    /** With {@code parentEnvironment} standing in for this process's environment. */
    CommandRunner(Map<String, String> parentEnvironment) {
        this.parentEnvironment = Map.copyOf(parentEnvironment);
        try {
            scratch = Files.createTempDirectory("condor-cli-");
            scratch.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch directory for command output", e);
        }
    }

    CommandResult run(List<String> command, String stdin, Duration timeout) {
        long start = System.nanoTime();
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile(scratch, "out-", ".txt");
            err = Files.createTempFile(scratch, "err-", ".txt");
            ProcessBuilder builder = ChildEnvironment.CONDOR_TOOLS.applyTo(new ProcessBuilder(command), parentEnvironment)
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process process = builder.start();
            if (stdin != null) {
                feed(process, stdin);
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new CommandResult(command, finished ? process.exitValue() : -1, Files.readString(out),
                    Files.readString(err), elapsed, !finished);
        } catch (IOException e) {
            return new CommandResult(command, -1, "", "cannot run " + command.get(0) + ": " + e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(command, -1, "", "interrupted", Duration.ofNanos(System.nanoTime() - start), true);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void feed(Process process, String stdin) {
        Thread writer = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the tool exited without reading everything; its exit code tells why
            }
        }, "condor-stdin");
        writer.setDaemon(true);
        writer.start();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
