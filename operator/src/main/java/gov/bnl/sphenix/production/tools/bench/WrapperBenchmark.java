package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.batch.JobOutput;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.batch.wrapper.WrapperRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The job wrapper's cost per job: the same small job (a 20-file input list, a payload writing one
 * 1 MiB output and its event counts) run by the shell wrapper, by the Java wrapper of an earlier
 * jar when one is given, and as the payload alone, interleaved so that the machine's drift falls
 * on all alike. What a wrapper costs is its median minus the payload's.
 */
public final class WrapperBenchmark {

    /** How the Java wrapper was started, up to the release that replaced it by the script. */
    private static final List<String> OLD_JVM = List.of("-Xmx48m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    private static final String OLD_MAIN = "gov.bnl.sphenix.production.batch.wrapper.JobWrapper";

    private final Path workDirectory;
    private final Optional<Path> oldJar;
    private final String java;
    private final PrintWriter out;

    /**
     * @param oldJar a prodctl.jar that still has the Java wrapper, to compare with; empty: the
     *               script and the payload alone
     * @param java   the java that runs the old jar
     */
    public WrapperBenchmark(Path workDirectory, Optional<Path> oldJar, String java, PrintWriter out) {
        this.workDirectory = workDirectory;
        this.oldJar = oldJar;
        this.java = java;
        this.out = out;
    }

    public void run(int runs) throws IOException, InterruptedException {
        try (ScratchDirectory scratch = ScratchDirectory.in(workDirectory, "bench-wrapper-")) {
            Path area = scratch.path();
            Path payload = payload(area);
            InputSlice inputs = bundle(area);
            WrapperLaunch script = WrapperLaunch.installedIn(area.resolve("shared"));
            Map<String, List<Long>> millis = new LinkedHashMap<>();
            millis.put("payload alone", new ArrayList<>());
            millis.put("shell wrapper", new ArrayList<>());
            oldJar.ifPresent(jar -> millis.put("java wrapper", new ArrayList<>()));
            out.printf(Locale.ROOT, "wrapper: %d runs of each, %s%n", runs,
                    oldJar.map(jar -> "the java wrapper from " + jar).orElse("no old jar given (--old-jar)"));
            out.flush();
            for (int i = -2; i < runs; i++) {  // two warm-up rounds, not counted
                Path job = Files.createDirectories(area.resolve("job-" + i));
                time(millis, i, "payload alone", List.of("/bin/sh", "-c", "cd \"$1\" && exec \"$2\"", "sh",
                        Files.createDirectories(job.resolve("alone")).toString(), payload.toString()));
                time(millis, i, "shell wrapper", script.command(request(job.resolve("shell"), payload, inputs)));
                if (oldJar.isPresent()) {
                    List<String> command = new ArrayList<>(List.of(java));
                    command.addAll(OLD_JVM);
                    command.addAll(List.of("-cp", oldJar.get().toString(), OLD_MAIN));
                    command.addAll(request(job.resolve("java"), payload, inputs));
                    time(millis, i, "java wrapper", command);
                }
            }
            report(millis);
        }
    }

    private static List<String> request(Path job, Path payload, InputSlice inputs) {
        return new WrapperRequest("bench/1/0", "1.0", job.resolve("manifest.json"), Optional.of(inputs),
                Optional.of(job.resolve("staging")), List.of(new JobOutput("OUT.root", job.resolve("dst/OUT.root"))),
                payload, List.of("100000")).toArguments();
    }

    private void time(Map<String, List<Long>> millis, int round, String what, List<String> command)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " failed: " + String.join(" ", command));
        }
        if (round >= 0) {
            millis.get(what).add((System.nanoTime() - start) / 1_000_000);
        }
    }

    private void report(Map<String, List<Long>> millis) {
        long payload = median(millis.get("payload alone"));
        out.printf(Locale.ROOT, "%-14s %10s %10s %16s%n", "RUN", "MEDIAN ms", "P90 ms", "WRAPPER COST ms");
        Map<String, Long> cost = new LinkedHashMap<>();
        millis.forEach((what, values) -> {
            long median = median(values);
            cost.put(what, median - payload);
            out.printf(Locale.ROOT, "%-14s %10d %10d %16s%n", what, median, percentile(values, 0.9),
                    what.equals("payload alone") ? "-" : Long.toString(median - payload));
        });
        if (cost.containsKey("java wrapper")) {
            out.printf(Locale.ROOT, "the shell wrapper costs %.1f× less per job than the java wrapper%n",
                    (double) cost.get("java wrapper") / Math.max(1, cost.get("shell wrapper")));
        }
        out.flush();
    }

    private static long median(List<Long> values) {
        return percentile(values, 0.5);
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    private static Path payload(Path area) throws IOException {
        Path script = area.resolve("payload.sh");
        Files.writeString(script, """
                #!/bin/sh
                # one 1 MiB output and its event counts, as a payload leaves them
                head -c 1048576 /dev/zero > OUT.root
                printf 'nevents=%s\\nfirst=0\\nlast=%s\\n' "$1" "$(($1 - 1))" > OUT.root.events
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static InputSlice bundle(Path area) throws IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            list.append(String.format(Locale.ROOT, "/sphenix/lustre01/sphnxpro/physics/DST_RAW-00067962-%05d.evt%n", i));
        }
        byte[] bytes = list.toString().getBytes(StandardCharsets.UTF_8);
        Path bundle = Files.write(area.resolve("inputs.bundle"), bytes);
        return new InputSlice(bundle, 0, bytes.length);
    }
}
