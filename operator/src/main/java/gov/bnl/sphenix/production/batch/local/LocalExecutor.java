package gov.bnl.sphenix.production.batch.local;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.BatchSystemException;
import gov.bnl.sphenix.production.batch.ChildEnvironment;
import gov.bnl.sphenix.production.batch.Health;
import gov.bnl.sphenix.production.batch.InputSlice;
import gov.bnl.sphenix.production.batch.JobDirectories;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.batch.JobEdit;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.QueueReads;
import gov.bnl.sphenix.production.batch.QueueSnapshot;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.batch.Submission.SubmittedJob;
import gov.bnl.sphenix.production.batch.Submission;
import gov.bnl.sphenix.production.batch.wrapper.WrapperRequest;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch system on this machine: jobs run as local processes (the same job wrapper a worker
 * node runs), at most {@code maxRunning} at once, with the same states, hold codes and policy as
 * the HTCondor adapter. Memory is enforced by polling the resident memory of each job's process
 * tree: a job above its request is stopped and held with the memory reason (3/34), and a release
 * after a new request runs it again — the memory ladder, exactly as on the pool. It is the
 * embedded default of the demo. Jobs get the {@link ChildEnvironment#JOBS} part of this process's
 * environment, never its passwords. A job in sphenixprod's convention runs its script directly in
 * a scratch directory of its own, as on a worker.
 *
 * <p>The queue lives in this process: closing the executor stops its jobs, and afterwards every
 * query answers "unknown", like a schedd that is down.
 */
public final class LocalExecutor implements BatchSystem {

    private static final Logger log = LoggerFactory.getLogger(LocalExecutor.class);
    /** Finished jobs kept for {@link #history}; the oldest are forgotten first. */
    static final int HISTORY_SIZE = 100_000;

    private final LocalSettings settings;
    private final JobDirectories directories;
    /** What the jobs' environment is taken from, through {@link ChildEnvironment#JOBS}. */
    private final Map<String, String> parentEnvironment;
    private final Object lock = new Object();
    private final Map<BatchJobId, LocalJob> queue = new LinkedHashMap<>();
    private final Deque<BatchJob> history = new ArrayDeque<>();
    private final LongAdder queueReads = new LongAdder();
    private final LongAdder historyReads = new LongAdder();
    private final ScheduledExecutorService ticker;
    /** Submit options of rules that jobs asked for and this executor cannot apply. */
    private final Set<String> unappliedOptions = new TreeSet<>();
    private long nextCluster = 1;
    private boolean closed;

    public LocalExecutor(LocalSettings settings) {
        this(settings, JobDirectories.withUmask());
    }

    public LocalExecutor(LocalSettings settings, JobDirectories directories) {
        this(settings, directories, System.getenv());
    }

    /** With {@code parentEnvironment} standing in for this process's environment. */
    LocalExecutor(LocalSettings settings, JobDirectories directories, Map<String, String> parentEnvironment) {
        this.settings = settings;
        this.directories = directories;
        this.parentEnvironment = Map.copyOf(parentEnvironment);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-executor");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Submission submit(List<JobSpec> jobs) {
        Set<JobKey> keys = new HashSet<>();
        for (JobSpec job : jobs) {
            if (!keys.add(job.key())) {
                throw new IllegalArgumentException(job.key() + " is twice in one submission");
            }
        }
        noteUnappliedOptions(jobs);
        Map<JobKey, InputSlice> inputs = directories.prepare(jobs);
        Map<String, List<JobSpec>> byProduction = new LinkedHashMap<>();
        jobs.forEach(j -> byProduction.computeIfAbsent(j.production(), p -> new ArrayList<>()).add(j));
        List<SubmittedJob> submitted = new ArrayList<>(jobs.size());
        synchronized (lock) {
            requireOpen();
            Instant now = settings.clock().instant();
            for (Map.Entry<String, List<JobSpec>> production : byProduction.entrySet()) {
                long cluster = nextCluster++;
                int proc = 0;
                for (JobSpec spec : production.getValue()) {
                    LocalJob job = new LocalJob(new BatchJobId(cluster, proc++), spec, inputs.get(spec.key()), now);
                    queue.put(job.id, job);
                    submitted.add(new SubmittedJob(spec.key(), job.id));
                    event(job, "submitted");
                }
                log.info("{}: submitted {} jobs as cluster {}", production.getKey(), production.getValue().size(), cluster);
            }
        }
        ticker.execute(this::tick);
        return new Submission(submitted);
    }

    /**
     * A machine has no transfer slots, accounting groups or concurrency limits, and this executor
     * evaluates no ClassAd expressions: the rule's submit options are not applied here. Said once
     * per option in the log, and always in the health text.
     */
    private void noteUnappliedOptions(List<JobSpec> jobs) {
        for (JobSpec job : jobs) {
            for (String option : job.options().names()) {
                boolean first;
                synchronized (lock) {
                    first = unappliedOptions.add(option);
                }
                if (first) {
                    log.debug("{}: {} is not applied by the local executor", job.production(), option);
                }
            }
        }
    }

    @Override
    public QueueSnapshot query(Selection selection) {
        queueReads.increment();
        synchronized (lock) {
            if (closed) {
                return QueueSnapshot.unknown("the local executor is stopped");
            }
            return QueueSnapshot.of(queue.values().stream().map(LocalJob::view).filter(selection::matches).toList(),
                    settings.clock().instant());
        }
    }

    @Override
    public QueueSnapshot history(Selection selection, int limit) {
        return history(selection, Instant.MIN, limit);
    }

    @Override
    public QueueSnapshot history(Selection selection, Instant since, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a history limit is at least 1, got " + limit);
        }
        historyReads.increment();
        synchronized (lock) {
            if (closed) {
                return QueueSnapshot.unknown("the local executor is stopped");
            }
            List<BatchJob> newestFirst = new ArrayList<>();
            for (Iterator<BatchJob> it = history.descendingIterator(); it.hasNext() && newestFirst.size() < limit; ) {
                BatchJob job = it.next();
                if (job.stateSince().filter(since::isAfter).isPresent()) {
                    // the oldest end: what is left of the history left the queue before since
                    break;
                }
                if (selection.matches(job)) {
                    newestFirst.add(job);
                }
            }
            return QueueSnapshot.of(newestFirst, settings.clock().instant());
        }
    }

    @Override
    public QueueReads reads() {
        return new QueueReads(queueReads.sum(), historyReads.sum());
    }

    @Override
    public void release(Selection selection) {
        synchronized (lock) {
            requireOpen();
            Instant now = settings.clock().instant();
            for (LocalJob job : matching(selection)) {
                if (job.state == BatchState.HELD) {
                    job.hold = Optional.empty();
                    job.enter(BatchState.QUEUED, now);
                    event(job, "released");
                    log.info("{}: released ({} MB)", job.spec.key(), job.requestMemoryMib);
                }
            }
        }
        ticker.execute(this::tick);
    }

    @Override
    public void hold(Selection selection, String reason) {
        synchronized (lock) {
            requireOpen();
            for (LocalJob job : matching(selection)) {
                if (job.state == BatchState.QUEUED || job.state == BatchState.RUNNING) {
                    putOnHold(job, new Hold(Hold.BY_USER, 0, reason));
                }
            }
        }
    }

    @Override
    public void remove(Selection selection, String reason) {
        synchronized (lock) {
            requireOpen();
            Instant now = settings.clock().instant();
            for (LocalJob job : matching(selection)) {
                stopProcess(job);
                job.hold = Optional.empty();
                job.enter(BatchState.REMOVED, now);
                event(job, "removed: " + reason);
                leaveQueue(job);
            }
        }
    }

    @Override
    public void edit(Selection selection, JobEdit edit) {
        synchronized (lock) {
            requireOpen();
            for (LocalJob job : matching(selection)) {
                if (edit instanceof JobEdit.RequestMemory m) {
                    job.requestMemoryMib = m.mib();
                } else if (edit instanceof JobEdit.Priority p) {
                    job.priority = p.priority();
                }
            }
        }
    }

    @Override
    public Health health() {
        synchronized (lock) {
            if (closed) {
                return Health.down("the local executor is stopped", Duration.ZERO);
            }
            Map<BatchState, Long> counts = new LinkedHashMap<>();
            queue.values().forEach(j -> counts.merge(j.state, 1L, Long::sum));
            String unapplied = unappliedOptions.isEmpty() ? ""
                    : "; not applied here: " + String.join(", ", unappliedOptions);
            return Health.up("local executor: " + queue.size() + " jobs " + counts + unapplied, Duration.ZERO);
        }
    }

    /** Stops every running job; the executor answers "unknown" from now on. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.values().forEach(this::stopProcess);
        }
        ticker.shutdownNow();
    }

    private void requireOpen() {
        if (closed) {
            throw new BatchSystemException("the local executor is stopped");
        }
    }

    private List<LocalJob> matching(Selection selection) {
        return queue.values().stream().filter(j -> selection.matches(j.view())).toList();
    }

    /** One pass: notice ended jobs, enforce memory and run time, start queued jobs into free places. */
    private void tick() {
        try {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                Instant now = settings.clock().instant();
                for (LocalJob job : List.copyOf(queue.values())) {
                    if (job.state == BatchState.RUNNING) {
                        watch(job, now);
                    }
                }
                startIdleJobs(now);
            }
        } catch (RuntimeException e) {
            // a failed pass must not end the ticker: the next one tries again
            log.error("local executor pass failed", e);
        }
    }

    private void watch(LocalJob job, Instant now) {
        if (!job.process.isAlive()) {
            job.exitCode = job.process.exitValue();
            job.process = null;
            deleteScratch(job);
            job.enter(BatchState.COMPLETED, now);
            event(job, "completed with exit code " + job.exitCode);
            log.info("{}: completed with exit code {}", job.spec.key(), job.exitCode);
            leaveQueue(job);
            return;
        }
        int usage = ResidentMemory.mib(job.process.toHandle());
        job.peakMemoryMib = Math.max(job.peakMemoryMib, usage);
        job.memoryMeasured = true;
        if (settings.policy().holdOnMemoryExceeded() && usage > job.requestMemoryMib) {
            putOnHold(job, Hold.memoryExceeded(usage, job.requestMemoryMib));
            return;
        }
        long running = Duration.between(job.startedAt, now).toSeconds();
        long maxRunSeconds = job.spec.options().maxRunTime().orElse(settings.policy().maxRunTime()).toSeconds();
        if (running > maxRunSeconds) {
            putOnHold(job, Hold.runTimeExceeded(running, maxRunSeconds));
        }
    }

    private void startIdleJobs(Instant now) {
        long running = queue.values().stream().filter(j -> j.state == BatchState.RUNNING).count();
        if (running >= settings.maxRunning()) {
            return;
        }
        List<LocalJob> waiting = queue.values().stream().filter(j -> j.state == BatchState.QUEUED)
                .sorted(Comparator.comparingInt((LocalJob j) -> -j.priority).thenComparing(j -> j.id))
                .toList();
        for (LocalJob job : waiting) {
            if (running >= settings.maxRunning()) {
                return;
            }
            if (start(job, now)) {
                running++;
            }
        }
    }

    private boolean start(LocalJob job, Instant now) {
        ProcessBuilder builder;
        try {
            builder = command(job);
        } catch (IOException e) {
            putOnHold(job, new Hold(6, 0, "cannot make the job's scratch directory: " + e.getMessage()));
            return false;
        }
        builder.directory(job.spec.files().directory().toFile())
                .redirectOutput(job.spec.files().stdout().toFile())
                .redirectError(job.spec.files().stderr().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            job.process = builder.start();
        } catch (IOException e) {
            // HTCondor holds a job it cannot start (code 6); so do we, with the reason
            putOnHold(job, new Hold(6, 0, "cannot start the job: " + e.getMessage()));
            return false;
        }
        job.numJobStarts++;
        job.startedAt = now;
        job.exitCode = null;
        job.enter(BatchState.RUNNING, now);
        event(job, "started (pid " + job.process.pid() + ", " + job.requestMemoryMib + " MB)");
        log.debug("{}: started as pid {}", job.spec.key(), job.process.pid());
        return true;
    }

    /**
     * The job's process: the wrapper, or in sphenixprod's convention the run script itself, in a
     * fresh scratch directory named by {@code _CONDOR_SCRATCH_DIR} as on a worker (the prep script
     * copies the payload there and the job runs there). Its environment is the allowed part of
     * this process's and of the job's own variables.
     */
    private ProcessBuilder command(LocalJob job) throws IOException {
        JobSpec spec = job.spec;
        List<String> command;
        if (spec.contract() == JobContract.OPERATOR) {
            command = settings.wrapper().command(WrapperRequest.of(spec, job.id.toString(), Optional.of(job.inputs))
                    .toArguments());
        } else {
            command = new ArrayList<>();
            command.add(spec.payload().script().toString());
            command.addAll(spec.payload().arguments());
        }
        ProcessBuilder builder = ChildEnvironment.JOBS.applyTo(new ProcessBuilder(command), parentEnvironment);
        builder.environment().putAll(ChildEnvironment.JOBS.of(spec.environment()));
        if (spec.contract() == JobContract.SPHENIXPROD) {
            Path parent = Path.of(parentEnvironment.getOrDefault("TMPDIR", System.getProperty("java.io.tmpdir")));
            job.scratch = Files.createTempDirectory(parent, "scratch-" + job.id + "-");
            builder.environment().put("_CONDOR_SCRATCH_DIR", job.scratch.toString());
        }
        return builder;
    }

    private void putOnHold(LocalJob job, Hold hold) {
        stopProcess(job);
        job.hold = Optional.of(hold);
        job.numHolds++;
        job.enter(BatchState.HELD, settings.clock().instant());
        event(job, "held: " + hold);
        log.info("{}: held, {}", job.spec.key(), hold);
    }

    private void stopProcess(LocalJob job) {
        Process process = job.process;
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            job.process = null;
        }
        deleteScratch(job);
    }

    /** A worker's scratch directory goes with its job; so does ours. */
    private static void deleteScratch(LocalJob job) {
        if (job.scratch == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(job.scratch)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("{}: leaving scratch directory {}: {}", job.spec.key(), job.scratch, e.toString());
        }
        job.scratch = null;
    }

    private void leaveQueue(LocalJob job) {
        queue.remove(job.id);
        history.addLast(job.view());
        while (history.size() > HISTORY_SIZE) {
            history.removeFirst();
        }
    }

    /** The job's event log ({@code .condor}): one line per change, like HTCondor's user log. */
    private void event(LocalJob job, String what) {
        String line = settings.clock().instant() + " " + job.id + " " + what + "\n";
        try {
            Files.writeString(job.spec.files().batchLog(), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("{}: cannot write the event log {}: {}", job.spec.key(), job.spec.files().batchLog(), e.toString());
        }
    }
}
