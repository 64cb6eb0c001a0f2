package gov.bnl.sphenix.production.tools.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One {@code prodctl run} process of a chaos run, its output appended to the run's log. It is
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no finally
 * block, no flush — what a node failure or the OOM killer does. The processes it started (a
 * {@code condor_submit} in flight) live on, as they would.
 */
final class OperatorProcess {

    /** The line {@code prodctl run} prints once its catalogs, batch system and specs source are open. */
    private static final String FOLLOWING = "prodctl run: following ";
    /**
     * What the HTCondor adapter logs when condor_submit has returned a cluster, before the ledger
     * has the jobs' ids: a kill right then leaves rows submitting whose jobs are in the queue.
     */
    private static final String SUBMITTED = " as cluster ";

    private final Process process;
    private final Instant started;
    private final CountDownLatch following = new CountDownLatch(1);
    private final CountDownLatch submitted = new CountDownLatch(1);
    private final Thread pump;

    private OperatorProcess(Process process, Writer log) {
        this.process = process;
        this.started = Instant.now();
        this.pump = new Thread(() -> copy(log), "chaos-operator-output");
        pump.setDaemon(true);
        pump.start();
        // an operator that exits while it starts (a pool that does not answer yet) ends the wait for its first pass
        process.onExit().thenRun(() -> {
            following.countDown();
            submitted.countDown();
        });
    }

    static OperatorProcess start(List<String> command, Map<String, String> environment, Path log, String header) {
        try {
            Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            writer.write("\n=== " + Instant.now() + " " + header + "\n");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new OperatorProcess(builder.start(), writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    /** Copies the operator's output into the log, and notes when it has started following its specs. */
    private void copy(Writer log) {
        try (log; BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (line.startsWith(FOLLOWING)) {
                    following.countDown();
                } else if (line.contains(SUBMITTED)) {
                    submitted.countDown();
                }
            }
        } catch (IOException e) {
            // the process was killed mid-line, or the log cannot be written: the run goes on without it
        }
    }

    /** Waits until the operator follows its specs (its passes begin), at most {@code time}; false if it did not. */
    boolean following(Duration time) throws InterruptedException {
        return following.await(time.toMillis(), TimeUnit.MILLISECONDS) && process.isAlive();
    }

    /** Waits until the operator has had jobs accepted by condor_submit, at most {@code time}; false if it did not. */
    boolean submits(Duration time) throws InterruptedException {
        return submitted.await(time.toMillis(), TimeUnit.MILLISECONDS) && process.isAlive();
    }

    /** Waits up to {@code time}; true if the process ended by itself meanwhile. */
    boolean endsWithin(Duration time) throws InterruptedException {
        return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitCode() {
        return process.exitValue();
    }

    /** SIGKILL, then waits until the process and the copy of its output are gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        pump.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** SIGTERM: the operator ends its pass in progress and exits; SIGKILL after {@code patience}. */
    void stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        process.waitFor();
        pump.join(TimeUnit.SECONDS.toMillis(10));
    }

    Duration age() {
        return Duration.between(started, Instant.now());
    }
}
