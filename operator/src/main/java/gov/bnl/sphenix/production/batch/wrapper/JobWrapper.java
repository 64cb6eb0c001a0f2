package gov.bnl.sphenix.production.batch.wrapper;

import gov.bnl.sphenix.production.batch.JobOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job wrapper: the executable of every job, run on the worker node from the shaded jar as
 * {@code java -cp prodctl.jar gov.bnl.sphenix.production.batch.wrapper.JobWrapper ARGS} (see
 * {@link WrapperRequest} for ARGS).
 *
 * <ol>
 *   <li>writes the job's input list ({@code inputs.list}) into a fresh staging directory and runs
 *       the payload script with its arguments there;</li>
 *   <li>when it succeeded, publishes each declared output: copy to {@code <destination>.partial},
 *       checksum (md5), rename — a file under its final name is always complete;</li>
 *   <li>writes the manifest (also when the payload failed, so the failure and its exit code are
 *       on record) and exits with the payload's exit code.</li>
 * </ol>
 *
 * <p>It never touches a database: the operator harvests manifests in bulk.
 */
public final class JobWrapper {

    /** Wrong command line. */
    public static final int EXIT_USAGE = 64;
    /** The job's input list could not be read from its bundle. */
    public static final int EXIT_INPUTS_UNREADABLE = 66;
    /** The payload succeeded but an output was missing or could not be published. */
    public static final int EXIT_OUTPUTS_FAILED = 74;
    /** The payload script could not be started (missing, not executable). */
    public static final int EXIT_CANNOT_START = 127;

    private static final Logger log = LoggerFactory.getLogger(JobWrapper.class);

    private final WrapperRequest request;
    private final Map<String, String> environment;

    JobWrapper(WrapperRequest request, Map<String, String> environment) {
        this.request = request;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv()));
    }

    /** Runs a job and returns the exit code the wrapper process should end with. */
    public static int run(List<String> args, Map<String, String> environment) {
        WrapperRequest request;
        try {
            request = WrapperRequest.parse(args);
        } catch (IllegalArgumentException e) {
            // also a malformed --inputs slice
            System.err.println("JobWrapper: " + e.getMessage());
            System.err.println("usage: JobWrapper --job-key KEY --batch-id ID --manifest FILE [--inputs BUNDLE@OFFSET+LENGTH] [--staging DIR]"
                    + " [--output LFN=DESTINATION]... -- SCRIPT [ARGUMENT]...");
            return EXIT_USAGE;
        }
        return new JobWrapper(request, environment).run();
    }

    int run() {
        String key = request.jobKey();
        Instant started = Instant.now();
        Path staging;
        boolean ownStaging = request.staging().isEmpty();
        try {
            staging = stagingDirectory();
        } catch (IOException e) {
            log.error("{}: cannot make a staging directory: {}", key, e.toString());
            return EXIT_OUTPUTS_FAILED;
        }
        List<String> inputs;
        try {
            inputs = InputList.materialise(request.inputs(), staging);
        } catch (IOException e) {
            log.error("{}: cannot read the input list {}: {}", key, request.inputs().orElseThrow(), e.toString());
            return EXIT_INPUTS_UNREADABLE;
        }
        log.info("{}: running {} {} in {} with {} inputs", key, request.script(), request.arguments(), staging,
                inputs.size());
        PayloadRun payload = PayloadRun.run(request, staging, environment);
        Instant payloadEnded = Instant.now();
        log.info("{}: payload exited with {} after {} ms", key, payload.exitCode(),
                Duration.between(started, payloadEnded).toMillis());

        int exitCode = payload.exitCode();
        String problem = payload.problem();
        List<Manifest.Output> published = new ArrayList<>();
        if (exitCode == 0) {
            OutputPublisher publisher = new OutputPublisher(staging);
            try {
                for (JobOutput output : request.outputs()) {
                    published.add(publisher.publish(output));
                    log.info("{}: published {}", key, output.destination());
                }
            } catch (IOException e) {
                problem = "outputs not published: " + e.getMessage();
                exitCode = EXIT_OUTPUTS_FAILED;
                log.error("{}: {}", key, problem);
            }
        }
        Instant ended = Instant.now();
        Manifest manifest = new Manifest(Manifest.FORMAT, key, request.batchId(), hostName(), exitCode, problem,
                started.toString(), payloadEnded.toString(), ended.toString(),
                Duration.between(started, payloadEnded).toMillis(), Duration.between(payloadEnded, ended).toMillis(),
                request.script().toString(), request.arguments(), inputs, published);
        try {
            manifest.write(request.manifest());
        } catch (IOException e) {
            // without a manifest the operator cannot harvest the outputs: the job must not look successful
            log.error("{}: cannot write the manifest {}: {}", key, request.manifest(), e.toString());
            exitCode = exitCode == 0 ? EXIT_OUTPUTS_FAILED : exitCode;
        }
        if (ownStaging) {
            deleteQuietly(staging);
        }
        return exitCode;
    }

    /** A fresh directory in the batch system's scratch space for this job, or the one asked for. */
    private Path stagingDirectory() throws IOException {
        if (request.staging().isPresent()) {
            return Files.createDirectories(request.staging().get());
        }
        String scratch = environment.getOrDefault("_CONDOR_SCRATCH_DIR",
                environment.getOrDefault("TMPDIR", System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(Path.of(scratch), "staging-");
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("leaving staging directory {}: {}", directory, e.toString());
        }
    }
}
