package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.batch.ChildEnvironment;
import gov.bnl.sphenix.production.batch.Health;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.batch.JobOutput;
import gov.bnl.sphenix.production.batch.JobPolicy;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.Payload;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.condor.CondorBatchSystem;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.batch.wrapper.WrapperLaunch;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Jobs per second submitted through the HTCondor adapter against a raw {@code condor_submit} of
 * the same description, in the same run and against the same pool. The adapter's time includes
 * everything it does per submission (input lists, the description, the call, reading the ids); the
 * raw time is {@code condor_submit -terse FILE} of the description already on disk. Each round
 * submits both ways, in alternating order, with an empty queue before each submission; the ratio is
 * raw time over adapter time summed over all rounds (so a noisy round does not decide it). Every
 * job it made is removed at the end.
 */
public final class SubmitBenchmark {

    private final List<String> commandPrefix;
    private final Path workDirectory;
    private final PrintWriter out;

    /**
     * @param commandPrefix words put before every HTCondor tool
     * @param workDirectory a directory the pool's jobs can see
     */
    public SubmitBenchmark(List<String> commandPrefix, Path workDirectory, PrintWriter out) {
        this.commandPrefix = List.copyOf(commandPrefix);
        this.workDirectory = workDirectory;
        this.out = out;
    }

    /** Submits {@code count} jobs each way in each of {@code rounds} rounds, or prints a skip line without a pool. */
    public void run(int count, int rounds) throws IOException, InterruptedException {
        ScratchDirectory scratch = ScratchDirectory.in(workDirectory, "bench-submit-");
        Path area = scratch.path();
        Files.setPosixFilePermissions(area, PosixFilePermissions.fromString("rwxrwxrwx"));
        CondorSettings settings = new CondorSettings(commandPrefix, Optional.empty(), Duration.ofSeconds(120),
                WrapperLaunch.in(area.resolve("wrapper")), JobPolicy.DEFAULT);
        String production = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (CondorBatchSystem condor = new CondorBatchSystem(settings, JobDirectories.worldWritable())) {
            Health health = condor.health();
            if (!health.reachable()) {
                out.println("submit: skipped — no HTCondor pool answers (" + health.detail()
                        + "); start one with scripts/minicondor.sh up");
                out.flush();
                return;
            }
            try {
                measure(condor, area, production, count, rounds);
            } finally {
                condor.remove(Selection.production(production), "benchmark over");
            }
        } finally {
            scratch.close();
        }
    }

    private void measure(CondorBatchSystem condor, Path area, String production, int count, int rounds)
            throws IOException, InterruptedException {
        out.printf("submit: %d jobs per submission, %d rounds, pool: %s%n", count, rounds, condor.health().detail());
        warmUp(condor, commandPrefix, area, production, count);
        List<Long> raws = new ArrayList<>();
        List<Long> adapters = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int run = 1_000_000 + 2 * round;
            // alternate which goes first, so a pool that slows down or speeds up favours neither
            if (round % 2 == 0) {
                raws.add(rawRound(condor, commandPrefix, area, production, run, count));
                adapters.add(adapterRound(condor, area, production, run + 1, count));
            } else {
                adapters.add(adapterRound(condor, area, production, run + 1, count));
                raws.add(rawRound(condor, commandPrefix, area, production, run, count));
            }
            out.printf(Locale.ROOT, "submit: round %d: raw condor_submit %d ms (%.0f jobs/s), adapter %d ms (%.0f jobs/s)%n",
                    round + 1, raws.get(round), rate(count, raws.get(round)), adapters.get(round),
                    rate(count, adapters.get(round)));
        }
        long rawTotal = raws.stream().mapToLong(Long::longValue).sum();
        long adapterTotal = adapters.stream().mapToLong(Long::longValue).sum();
        double ratio = (double) Math.max(rawTotal, 1) / Math.max(adapterTotal, 1);
        out.printf(Locale.ROOT, "submit: all rounds: raw %.0f jobs/s, adapter %.0f jobs/s%n",
                rate(count * rounds, rawTotal), rate(count * rounds, adapterTotal));
        out.printf(Locale.ROOT, "submit: %d jobs in %d ms via adapter = %.2f of raw condor_submit%n", count,
                median(adapters), ratio);
        out.flush();
    }

    /** Class loading and the JIT are not what we measure: the operator is a long-running process. */
    private void warmUp(CondorBatchSystem condor, List<String> commandPrefix, Path area, String production, int count)
            throws IOException, InterruptedException {
        condor.submit(jobs(area, production, 9_000_000, 100));
        rawSubmit(commandPrefix, area, condor, jobs(area, production, 9_000_001, 100));
        List<JobSpec> large = jobs(area, production, 9_000_002, count);
        var inputs = JobDirectories.worldWritable().prepare(large);
        for (int i = 0; i < 3; i++) {
            condor.submitDescription(large, inputs);
        }
        emptyQueue(condor, production);
    }

    private long rawRound(CondorBatchSystem condor, List<String> commandPrefix, Path area, String production, int run,
                          int count) throws IOException, InterruptedException {
        long millis = rawSubmit(commandPrefix, area, condor, jobs(area, production, run, count));
        emptyQueue(condor, production);
        return millis;
    }

    private long adapterRound(CondorBatchSystem condor, Path area, String production, int run, int count)
            throws InterruptedException {
        List<JobSpec> jobs = jobs(area, production, run, count);
        long start = System.nanoTime();
        int submitted = condor.submit(jobs).size();
        long millis = (System.nanoTime() - start) / 1_000_000;
        emptyQueue(condor, production);
        if (submitted != count) {
            throw new IllegalStateException("the adapter submitted " + submitted + " of " + count + " jobs");
        }
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Removes the benchmark's jobs and waits until they have left the queue, so every round starts alike. */
    private static void emptyQueue(CondorBatchSystem condor, String production) throws InterruptedException {
        condor.remove(Selection.production(production), "round over");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            var queue = condor.query(production);
            if (queue.isKnown() && queue.jobs().isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the benchmark's jobs did not leave the queue within 120 s");
    }

    /**
     * {@code condor_submit -terse FILE} of the adapter's description for {@code jobs}, written
     * beforehand with the jobs' log directories (condor_submit writes the first event into each
     * log) and input bundle; only the call is timed. Milliseconds.
     */
    private static long rawSubmit(List<String> commandPrefix, Path area, CondorBatchSystem condor, List<JobSpec> jobs)
            throws IOException, InterruptedException {
        var inputs = JobDirectories.worldWritable().prepare(jobs);
        Path file = Files.createTempFile(area, "raw-", ".sub");
        Files.writeString(file, condor.submitDescription(jobs, inputs));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(List.of("condor_submit", "-terse", file.toString()));
        long start = System.nanoTime();
        Process p = ChildEnvironment.CONDOR_TOOLS.applyTo(new ProcessBuilder(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("raw condor_submit of " + file + " failed");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Jobs shaped like a production's: one run, many segments, two inputs each, DST and HIST outputs. */
    static List<JobSpec> jobs(Path area, String production, int run, int count) {
        Tag tag = Tag.parse("ana530_2025p008_v001");
        OutputNamespace namespace = new OutputNamespace("DST_CALO", "run3auau", tag);
        Layout layout = Layout.under(area);
        List<JobSpec> jobs = new ArrayList<>(count);
        for (int segment = 0; segment < count; segment++) {
            OutputFile dst = OutputFile.of("DST_CALO", "run3auau", tag, run, segment);
            JobFiles files = new JobFiles(layout.logDirectory(dst, "physics"), dst.stem());
            Path hist = layout.histPath(dst, "physics");
            jobs.add(new JobSpec(JobKey.of(production, run, segment), "bench", "", namespace, 2048, 1, 2048, 3500,
                    "DST_CALO_run3auau_" + tag, Optional.empty(),
                    new Payload(area.resolve("payloads/run_calo.sh"), List.of("100000", JobSpecs.INPUT_LIST,
                            dst.fileName(), Integer.toString(run), Integer.toString(segment), hist.getFileName().toString())),
                    List.of("/sphenix/lustre01/in-" + segment + "-a.root", "/sphenix/lustre01/in-" + segment + "-b.root"),
                    List.of(new JobOutput(dst.fileName(), layout.dstPath(dst, "physics")),
                            new JobOutput(hist.getFileName().toString(), hist)),
                    files));
        }
        return jobs;
    }

    private static double rate(int jobs, long millis) {
        return jobs * 1000.0 / Math.max(millis, 1);
    }
}
