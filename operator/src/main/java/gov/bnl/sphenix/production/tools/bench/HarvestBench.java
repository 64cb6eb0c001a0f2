package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.catalog.ledger.NewJob;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.control.CatalogPorts;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.control.harvest.HarvestReport;
import gov.bnl.sphenix.production.control.harvest.StageOutHarvester;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RemovalPolicy;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Harvest throughput of multi-output jobs of sphenixprod's convention: finished combiner jobs,
 * each with its DST segments and their histogram files staged under stage-out names, harvested by
 * {@link StageOutHarvester} (found by dbid and name, size and md5 recomputed, registered, renamed
 * to their lfns, ledger rows closed), against the least any harvest must do for as many files in
 * the same run: a rename of each to its lfn plus a COPY of their rows into tables built like the
 * catalog's. Files per second from finished job to registered and renamed.
 */
public final class HarvestBench {

    /**
     * Rounds before the measured ones. The operator is a long-running process, so class loading and
     * the JIT are not what is measured; with one warm-up round the JIT was still compiling the
     * harvest's code in the first measured round (its harvest ran 25-35 % below the later rounds'
     * on two cores, the baseline's did not), with two it still took 140-320 ms of CPU during each
     * measured harvest, with five 10-30 ms.
     */
    private static final int WARM_UP_ROUNDS = 5;
    /** Rounds after the warm-up; each path's rate is over all of them, so one noisy round does not decide it. */
    private static final int ROUNDS = 5;
    /** Bytes per staged file: small, so that the comparison is of the bookkeeping, not of reading disks. */
    static final int FILE_BYTES = 4096;
    private static final int LEAVES = 8;
    /**
     * Outputs in the catalog, and in the baseline's tables, before the first round, per file a
     * round harvests: a FileCatalog in use holds millions, and COPY into nearly empty tables is
     * faster than into any catalog a harvest writes to. Both grow alike from there, round by round.
     */
    private static final int CATALOGUED_BEFORE_PER_FILE = 10;
    /** Runs of the outputs catalogued before the first round, far below the rounds' runs. */
    private static final int EARLIER_FIRST_RUN = 1_000;

    /**
     * @param jobs              finished jobs per round
     * @param files             files each round harvested (DSTs and histogram files)
     * @param harvestedPerSecond files per second through the harvest
     * @param baselinePerSecond  the same number of files per second through rename plus COPY
     */
    public record Result(int jobs, int files, double harvestedPerSecond, double baselinePerSecond) {

        public double ratio() {
            return harvestedPerSecond / baselinePerSecond;
        }

        public String line() {
            return String.format(Locale.ROOT, "harvest: %d files of %d jobs, %.0f files/s = %.2f of rename + COPY",
                    files, jobs, harvestedPerSecond, ratio());
        }
    }

    private final Catalogs catalogs;
    private final Path root;
    private final PrintWriter out;

    /** It adds to the catalogs' contents, so it runs on the embedded server or a scratch database only. */
    public HarvestBench(Catalogs catalogs, Path root, PrintWriter out) {
        this.catalogs = catalogs;
        this.root = root;
        this.out = out;
    }

    public Result run(int jobs, int segments) throws SQLException, IOException {
        EngineSettings settings = EngineSettings.under(root.resolve("harvest"), root.resolve("payloads"));
        Production production = SyntheticWorld.production("harvest-bench", 1, RemovalPolicy.Action.KILL, false);
        new ProductionRegistry(catalogs.ledger(), catalogs.retry()).record(new ProductionRecord(production.name(),
                production.specHash(), "r1", ProductionState.ACTIVE, Instant.now()));
        CatalogPorts ports = EngineAssembly.ports(catalogs, settings, Clock.systemUTC());
        StageOutHarvester harvester = new StageOutHarvester(ports.ledger(), ports.moves(), ports.registry(), settings,
                CrashPoint.NONE);
        RegistrationBench copy = new RegistrationBench(catalogs.fileCatalog(), BulkRegistrar.DEFAULT_BATCH);
        int files = jobs * segments * 2;
        List<CatalogedOutput> earlier = RegistrationBench.outputs(CATALOGUED_BEFORE_PER_FILE * files, EARLIER_FIRST_RUN, 7);
        ports.registry().register(earlier);
        copy.append(earlier);
        out.printf(Locale.ROOT, "harvest: the catalog and the baseline's tables hold %d outputs before the first round%n",
                earlier.size());
        double harvestSeconds = 0;
        double baselineSeconds = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            int firstRun = SyntheticWorld.FIRST_RUN + round * (jobs / LEAVES + 1);
            List<LedgerJob> rows = submit(production, jobs, firstRun, round);
            List<CatalogedOutput> outputs = new ArrayList<>();
            for (LedgerJob row : rows) {
                stage(row, segments, settings.stagingLayout(), Path.of("/bench"), outputs);
            }
            Layout elsewhere = Layout.under(root.resolve("baseline-" + round));
            List<Path> baselineFiles = new ArrayList<>();
            for (LedgerJob row : rows) {
                baselineFiles.addAll(stage(row, segments, elsewhere, Path.of("/bench"), new ArrayList<>()));
            }
            settle();
            // alternate which goes first, so that a neighbour's burst early or late in a round favours neither
            double[] baseline = new double[2];
            if (round % 2 == 0) {
                baseline = baseline(baselineFiles, copy, outputs);
            }
            double harvest = harvest(harvester, production, rows, files);
            if (round % 2 == 1) {
                baseline = baseline(baselineFiles, copy, outputs);
            }
            if (round < WARM_UP_ROUNDS) {
                out.printf(Locale.ROOT, "harvest warm-up: %d jobs, %d files%n", jobs, files);
            } else {
                out.printf(Locale.ROOT, "harvest round %d: %d jobs, %d files: harvest %.0f files/s; rename %.0f files/s"
                        + " + COPY %.0f rows/s = %.0f files/s%n", round - WARM_UP_ROUNDS + 1, jobs, files, files / harvest,
                        files / baseline[0], files / baseline[1], files / (baseline[0] + baseline[1]));
                harvestSeconds += harvest;
                baselineSeconds += baseline[0] + baseline[1];
            }
            out.flush();
        }
        return new Result(jobs, files, files * ROUNDS / harvestSeconds, files * ROUNDS / baselineSeconds);
    }

    /**
     * Writes the staged files out before the clock starts, as a finished job's files are long before
     * their harvest: otherwise whichever path goes first pays for writing back what staging wrote.
     */
    private static void settle() throws IOException {
        try {
            Process sync = new ProcessBuilder("sync").redirectErrorStream(true).start();
            sync.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (sync.waitFor() != 0) {
                throw new IOException("sync exited with " + sync.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the staged files were written out", e);
        }
    }

    /** Seconds the harvest of the round's finished jobs takes, every file of them registered and renamed. */
    private static double harvest(StageOutHarvester harvester, Production production, List<LedgerJob> rows, int files)
            throws SQLException, IOException {
        long started = System.nanoTime();
        HarvestReport report = harvester.harvest(production, completed(rows), new EventLog(Clock.systemUTC()));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (report.jobsHarvested() != rows.size() || report.outputsRegistered() != files) {
            throw new IllegalStateException("the bench expected every job and file harvested, got " + report);
        }
        return seconds;
    }

    /** Seconds the raw renames of as many staged files to their lfns take, and seconds the COPY of the same rows. */
    private static double[] baseline(List<Path> stagedFiles, RegistrationBench copy, List<CatalogedOutput> outputs)
            throws SQLException, IOException {
        long started = System.nanoTime();
        for (Path staged : stagedFiles) {
            String name = staged.getFileName().toString();
            Files.move(staged, staged.resolveSibling(name.substring(0, name.indexOf(':'))));
        }
        double renameSeconds = (System.nanoTime() - started) / 1e9;
        return new double[] {renameSeconds, outputs.size() / copy.append(outputs)};
    }

    /** Combiner jobs of one round, taken and submitted into the ledger: eight hosts a run. */
    private List<LedgerJob> submit(Production production, int jobs, int firstRun, int round) throws SQLException {
        List<NewJob> keys = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            JobKey key = JobKey.ofLeaf(production.name(), firstRun + i / LEAVES, 0, "ebdc" + (i % LEAVES));
            keys.add(new NewJob(LedgerKey.of(production, key), 0, 2048, "r1", "", List.of()));
        }
        JobTransitions transitions = new JobTransitions(catalogs.ledger(), catalogs.retry(), Clock.systemUTC());
        String token = "harvest-bench-" + round;
        List<LedgerJob> taken = transitions.takeForSubmission(keys, token);
        List<JobTransitions.SubmittedRow> submitted = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            submitted.add(new JobTransitions.SubmittedRow(taken.get(i).id(), 1000L * round + i / 1000, i % 1000));
        }
        transitions.recordSubmitted(token, submitted);
        List<LedgerJob> rows = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            LedgerJob t = taken.get(i);
            JobTransitions.SubmittedRow s = submitted.get(i);
            rows.add(new LedgerJob(t.id(), t.key(), t.state(), t.attempt(), t.memoryRung(), t.requestMib(),
                    OptionalLong.of(s.cluster()), OptionalInt.of(s.proc()), token, t.submittedAt(),
                    t.startedAt(), t.endedAt(), t.exitCode(), t.nevents(), t.revision(), t.rerunToken()));
        }
        return rows;
    }

    /** Every job completed with exit code 0. */
    private static BatchQueue completed(List<LedgerJob> rows) {
        Instant now = Instant.now();
        return BatchQueue.of(rows.stream().map(r -> new BatchJob(new BatchJobId(r.clusterId().getAsLong(),
                r.procId().getAsInt()), Optional.of(r.key().job()), r.batchToken(), "", BatchState.COMPLETED, Optional.empty(),
                2048, OptionalInt.empty(), 1, Optional.of(now), Optional.of(now), Optional.of(now), OptionalInt.of(0))).toList());
    }

    /**
     * Writes a job's segments and their histogram files into {@code layout}'s directories under the
     * names stageout.sh gives them; adds each as the catalog would hold it to {@code outputs}.
     */
    private static List<Path> stage(LedgerJob row, int segments, Layout layout, Path finalRoot,
                                    List<CatalogedOutput> outputs) throws IOException {
        OutputFile job = row.key().output();
        Path dstDir = Files.createDirectories(layout.dstDirectory(job, "physics"));
        Path histDir = Files.createDirectories(layout.histDirectory(job, "physics"));
        List<Path> staged = new ArrayList<>();
        for (int seg = 0; seg < segments; seg++) {
            OutputFile dst = new OutputFile(job.dsttype(), job.leaf(), job.dataset(), job.tag(), job.run(), seg);
            OutputFile hist = OutputFile.of("HIST_" + dst.product(), job.dataset(), job.tag(), job.run(), seg);
            staged.add(write(dstDir, dst, row.id(), seg, finalRoot, outputs));
            staged.add(write(histDir, hist, row.id(), seg, finalRoot, outputs));
        }
        return staged;
    }

    private static Path write(Path directory, OutputFile file, long dbid, int seg, Path finalRoot,
                              List<CatalogedOutput> outputs) throws IOException {
        byte[] content = new byte[FILE_BYTES];
        byte[] name = file.fileName().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, content, 0, name.length);
        String md5 = md5(content);
        long first = seg * 10_000L;
        String staged = file.fileName() + ":nevents:10000:first:" + first + ":last:" + (first + 9_999) + ":md5:" + md5
                + ":size:" + FILE_BYTES + ":ctime:1764000000:dbid:" + dbid;
        outputs.add(new CatalogedOutput(file, "lustre", finalRoot.resolve(file.fileName()).toString(), FILE_BYTES, md5,
                10_000, first, first + 9_999));
        return Files.write(directory.resolve(staged), content);
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
