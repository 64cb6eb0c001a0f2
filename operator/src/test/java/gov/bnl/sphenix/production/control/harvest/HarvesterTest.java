package gov.bnl.sphenix.production.control.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.batch.wrapper.JobWrapper;
import gov.bnl.sphenix.production.batch.wrapper.Manifest;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.control.CatalogPorts;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.MissingManifest;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the harvester must not take: jobs still queued, manifests of earlier attempts, paths a job's
 * key does not produce, files that are not what the manifest says, links, anything that would
 * replace a different file; what it gives up on; and that one job's trouble is that job's alone.
 */
class HarvesterTest {

    private static final long CLUSTER = 4242;

    @TempDir
    Path dir;

    private HarvestWorld h;
    private DemoWorld world;
    private Production streaming;
    private Harvester harvester;
    private LedgerJob row;

    @BeforeEach
    void oneSubmittedJob() throws Exception {
        h = new HarvestWorld(dir);
        world = h.world;
        streaming = h.streaming;
        row = submit(0, CLUSTER);
        harvester = harvester(world.settings());
    }

    /** A harvester on the PostgreSQL ports, built the way the engine's assembly builds them. */
    private Harvester harvester(EngineSettings settings) {
        CatalogPorts ports = h.ports(settings);
        return new Harvester(ports.ledger(), ports.moves(), ports.registry(), settings, CrashPoint.NONE);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aJobStillInTheQueueIsNotHarvestedEvenWithItsManifestWritten() throws Exception {
        writeManifest(CLUSTER + ".0");
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, queue(BatchState.RUNNING, Instant.now()), Instant.now(), events);

        assertThat(report).isEqualTo(HarvestReport.NONE);
        assertThat(state()).isEqualTo(LedgerState.QUEUED);
    }

    @Test
    void aManifestOfAnEarlierAttemptIsIgnored() throws Exception {
        writeManifest("17.0");
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, queue(BatchState.COMPLETED, Instant.now()), Instant.now(), events);

        assertThat(report).isEqualTo(HarvestReport.NONE);
        assertThat(state()).isEqualTo(LedgerState.QUEUED);
        assertThat(events.events()).isEmpty();
    }

    @Test
    void aCompletedJobWithoutAManifestFailsOnlyAfterTheGracePeriod() throws Exception {
        Instant now = Instant.now();
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport early = harvester.harvest(streaming, queue(BatchState.COMPLETED, now.minus(Duration.ofMinutes(2))),
                now, events);
        LedgerState afterEarly = state();
        HarvestReport late = harvester.harvest(streaming, queue(BatchState.COMPLETED,
                now.minus(MissingManifest.GRACE).minusSeconds(1)), now, events);

        assertThat(early.jobsFailed()).isZero();
        assertThat(afterEarly).isEqualTo(LedgerState.QUEUED);
        assertThat(late.jobsFailed()).isEqualTo(1);
        assertThat(state()).isEqualTo(LedgerState.FAILED);
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.warning()).isTrue();
            assertThat(e.message()).contains("66052/0/mvtx0", CLUSTER + ".0", "left no manifest");
        });
    }

    @Test
    void aGoodJobIsRegisteredWithTheSizeAndMd5FoundOnDisk() throws Exception {
        writeManifest(row, CLUSTER + ".0", 0, stage(row, "events"));
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, completed(row), Instant.now(), events);

        assertThat(report.jobsHarvested()).isEqualTo(1);
        assertThat(state()).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(dstOf(row).target()).hasContent("events " + dstOf(row).lfn());
        assertThat(catalogued(dstOf(row).lfn())).isEqualTo(Fingerprint.of(dstOf(row).target()).md5());
    }

    @Test
    void aManifestNamingAPathItsKeyDoesNotProduceIsRefusedAndNothingIsMoved() throws Exception {
        Path victim = Files.writeString(dir.resolve("someone-elses.root"), "not the job's");
        Fingerprint f = Fingerprint.of(victim);
        writeManifest(row, CLUSTER + ".0", 0, List.of(new Manifest.Output(dstOf(row).lfn(), victim.toString(), f.size(),
                "md5", f.md5(), 1L, 0L, 0L)));
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, completed(row), Instant.now(), events);

        assertThat(report.jobsFailed()).isEqualTo(1);
        assertThat(victim).hasContent("not the job's");
        assertThat(dstOf(row).target()).doesNotExist();
        assertThat(catalogued(dstOf(row).lfn())).isNull();
        assertThat(state()).isEqualTo(LedgerState.FAILED);
        assertThat(messages(events)).singleElement().asString().contains("66052/0/mvtx0", victim.toString(),
                dstOf(row).staged().toString());
    }

    @Test
    void aFileThatIsNotWhatTheManifestSaysIsRefused() throws Exception {
        List<Manifest.Output> listed = new ArrayList<>(stage(row, "events"));
        Manifest.Output dst = listed.get(0);
        listed.set(0, new Manifest.Output(dst.lfn(), dst.path(), dst.size(), "md5", "0123456789abcdef0123456789abcdef",
                dst.nevents(), dst.firstEvent(), dst.lastEvent()));
        writeManifest(row, CLUSTER + ".0", 0, listed);
        EventLog events = new EventLog(Clock.systemUTC());

        harvester.harvest(streaming, completed(row), Instant.now(), events);

        assertThat(state()).isEqualTo(LedgerState.FAILED);
        assertThat(catalogued(dst.lfn())).isNull();
        assertThat(dstOf(row).staged()).exists();
        assertThat(messages(events)).singleElement().asString().contains("md5", "0123456789abcdef0123456789abcdef");
    }

    @Test
    void negativeEventNumbersAreRefusedForTheirJobOnly() throws Exception {
        List<Manifest.Output> listed = new ArrayList<>(stage(row, "events"));
        Manifest.Output dst = listed.get(0);
        listed.set(0, new Manifest.Output(dst.lfn(), dst.path(), dst.size(), "md5", dst.checksum(), -5L, 0L, 0L));
        writeManifest(row, CLUSTER + ".0", 0, listed);
        LedgerJob good = submit(1, CLUSTER + 1);
        writeManifest(good, (CLUSTER + 1) + ".0", 0, stage(good, "events"));
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, completed(row, good), Instant.now(), events);

        assertThat(report.jobsHarvested()).isEqualTo(1);
        assertThat(state()).isEqualTo(LedgerState.FAILED);
        assertThat(messages(events)).anySatisfy(m -> assertThat(m).contains("66052/0/mvtx0", "negative event numbers"));
    }

    @Test
    void aDifferentFileAlreadyInTheFinalTreeIsNeverReplaced() throws Exception {
        writeManifest(row, CLUSTER + ".0", 0, stage(row, "new events"));
        Path target = dstOf(row).target();
        Files.createDirectories(target.getParent());
        Files.writeString(target, "the copy that was there first");
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, completed(row), Instant.now(), events);

        assertThat(report.jobsHarvested()).isZero();
        assertThat(target).hasContent("the copy that was there first");
        assertThat(dstOf(row).staged()).exists();
        assertThat(state()).as("left unharvested until someone decides").isEqualTo(LedgerState.QUEUED);
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.HARVEST_CONFLICT);
            assertThat(e.message()).contains("66052/0/mvtx0", target.toString());
        });
    }

    @Test
    void aDstCataloguedWithAnotherChecksumIsNotMovedIntoTheFinalTree() throws Exception {
        writeManifest(row, CLUSTER + ".0", 0, stage(row, "new events"));
        JobOutputs.Expected dst = dstOf(row);
        new BulkRegistrar(world.catalogs().fileCatalog(),
                world.catalogs().retry(), Clock.systemUTC(), 10).register(List.of(
                new CatalogedOutput(row.key().output(), "lustre",
                        dst.target().toString(), 3, "ffffffffffffffffffffffffffffffff", 1, 0, 0)));
        EventLog events = new EventLog(Clock.systemUTC());

        harvester.harvest(streaming, completed(row), Instant.now(), events);

        assertThat(dst.target()).as("not moved before the conflict is noticed").doesNotExist();
        assertThat(dst.staged()).exists();
        assertThat(state()).isEqualTo(LedgerState.QUEUED);
        assertThat(messages(events)).singleElement().asString().contains("catalogued with checksum ffffffff");
    }

    @Test
    void aStagedOutputThatIsALinkIsRefusedAndItsTargetLeftAlone() throws Exception {
        List<Manifest.Output> listed = stage(row, "events");
        Path victim = Files.writeString(dir.resolve("victim.root"), "events " + dstOf(row).lfn());
        Files.delete(dstOf(row).staged());
        Files.createSymbolicLink(dstOf(row).staged(), victim);
        writeManifest(row, CLUSTER + ".0", 0, listed);
        EventLog events = new EventLog(Clock.systemUTC());

        harvester.harvest(streaming, completed(row), Instant.now(), events);

        assertThat(state()).isEqualTo(LedgerState.FAILED);
        assertThat(dstOf(row).target()).doesNotExist();
        assertThat(victim).hasContent("events " + dstOf(row).lfn());
        assertThat(catalogued(dstOf(row).lfn())).isNull();
        assertThat(messages(events)).singleElement().asString().contains("symbolic link", dstOf(row).staged().toString());
    }

    @Test
    void aLinkedDirectoryInTheStagingTreeIsRefused() throws Exception {
        List<Manifest.Output> listed = stage(row, "events");
        Path product = dstOf(row).staged().getParent();
        Path elsewhere = Files.move(product, dir.resolve("elsewhere"));
        Files.createSymbolicLink(product, elsewhere);
        writeManifest(row, CLUSTER + ".0", 0, listed);
        EventLog events = new EventLog(Clock.systemUTC());

        harvester.harvest(streaming, completed(row), Instant.now(), events);

        assertThat(state()).isEqualTo(LedgerState.FAILED);
        assertThat(elsewhere.resolve(dstOf(row).lfn())).exists();
        assertThat(dstOf(row).target()).doesNotExist();
        assertThat(messages(events)).singleElement().asString().contains(product + " is a symbolic link");
    }

    @Test
    void aManifestThatIsALinkIsNotRead() throws Exception {
        writeManifest(row, CLUSTER + ".0", 0, stage(row, "events"));
        Path real = Files.move(manifestPath(row), dir.resolve("planted.manifest.json"));
        Files.createSymbolicLink(manifestPath(row), real);
        EventLog events = new EventLog(Clock.systemUTC());

        harvester.harvest(streaming, completed(row), Instant.now(), events);

        assertThat(state()).isEqualTo(LedgerState.FAILED);
        assertThat(dstOf(row).target()).doesNotExist();
        assertThat(messages(events)).singleElement().asString().contains("symbolic link", "66052/0/mvtx0");
    }

    @Test
    void oneUnreadableManifestDoesNotStopTheHarvestOfTheOtherJobs() throws Exception {
        LedgerJob garbage = row;
        LedgerJob good = submit(1, CLUSTER + 1);
        LedgerJob truncated = submit(2, CLUSTER + 2);
        LedgerJob hostile = submit(3, CLUSTER + 3);
        Files.createDirectories(manifestPath(garbage).getParent());
        Files.writeString(manifestPath(garbage), "this is no manifest \u0000 {");
        writeManifest(truncated, (CLUSTER + 2) + ".0", 0, stage(truncated, "events"));
        String whole = Files.readString(manifestPath(truncated));
        Files.writeString(manifestPath(truncated), whole.substring(0, whole.length() / 2));
        Files.writeString(manifestPath(hostile), "[".repeat(100_000), StandardCharsets.UTF_8);
        writeManifest(good, (CLUSTER + 1) + ".0", 0, stage(good, "events"));
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, completed(garbage, good, truncated, hostile), Instant.now(), events);

        assertThat(report.jobsHarvested()).isEqualTo(1);
        assertThat(report.jobsFailed()).isEqualTo(3);
        assertThat(state(good)).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(catalogued(dstOf(good).lfn())).isNotNull();
        assertThat(List.of(state(garbage), state(truncated), state(hostile))).containsOnly(LedgerState.FAILED);
        assertThat(messages(events)).filteredOn(m -> m.contains("not a readable manifest")).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("66052/0/mvtx0", manifestPath(garbage).toString()));
    }

    @Test
    void aPublishFailureOnTheWorkerIsSubmittedAgainUntilItsLastAttempt() throws Exception {
        writeManifest(row, CLUSTER + ".0", JobWrapper.EXIT_OUTPUTS_FAILED, List.of());
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, completed(row), Instant.now(), events);

        assertThat(report.jobsFailed()).isZero();
        assertThat(state()).as("closed like a killed job: the planner submits the key again, attempt 2")
                .isEqualTo(LedgerState.KILLED);
        assertThat(messages(events)).singleElement().asString().contains("66052/0/mvtx0", "attempt 1 of 3",
                "submitted again", "it broke");

        LedgerJob last = submit(1, CLUSTER + 1);
        writeManifest(last, (CLUSTER + 1) + ".0", JobWrapper.EXIT_OUTPUTS_FAILED, List.of());
        Harvester once = harvester(world.settings().withInfrastructureAttempts(1));
        EventLog lastEvents = new EventLog(Clock.systemUTC());

        assertThat(once.harvest(streaming, completed(last), Instant.now(), lastEvents).jobsFailed()).isEqualTo(1);
        assertThat(state(last)).isEqualTo(LedgerState.FAILED);
        assertThat(messages(lastEvents)).singleElement().asString().contains("the last of 1");
    }

    @Test
    void aJobThatEndedWithAnInfrastructureCodeAndNoManifestIsSubmittedAgain() throws Exception {
        EventLog events = new EventLog(Clock.systemUTC());
        BatchQueue queue = BatchQueue.of(List.of(queueJob(row, CLUSTER, BatchState.COMPLETED, Instant.now(),
                JobWrapper.EXIT_OUTPUTS_FAILED)));

        harvester.harvest(streaming, queue, Instant.now(), events);

        assertThat(state()).isEqualTo(LedgerState.KILLED);
        assertThat(messages(events)).singleElement().asString().contains("no manifest", "attempt 1 of 3");
    }

    @Test
    void acrossFileSystemsOutputsAreCopiedIntoPlaceAndOneJobsFailedMoveLeavesTheOthers() throws Exception {
        Path shm = Files.createTempDirectory(Path.of("/dev/shm"), "harvest-staging-");
        try {
            EngineSettings apart = new EngineSettings(world.settings().layout(), shm, world.settings().payloadDirectory(),
                    "lustre", world.settings().planner(), 500, 10_000);
            Files.createDirectories(apart.layout().dstRoot());
            assertThat(Files.getFileStore(shm)).as("staging and final trees on different file systems")
                    .isNotEqualTo(Files.getFileStore(apart.layout().dstRoot()));
            LedgerJob blocked = row;
            LedgerJob fine = submit(1, CLUSTER + 1);
            writeManifest(blocked, CLUSTER + ".0", 0, stage(blocked, apart, "events"));
            writeManifest(fine, (CLUSTER + 1) + ".0", 0, stage(fine, apart, "events"));
            Path target = outputs(blocked, apart).byLfn().get(blocked.key().output().fileName()).target();
            Path hiddenCopy = target.resolveSibling("." + target.getFileName() + OutputMove.COPY_SUFFIX);
            Files.createDirectories(hiddenCopy.resolve("in-the-way"));
            Harvester harvesting = harvester(apart);
            EventLog events = new EventLog(Clock.systemUTC());

            HarvestReport first = harvesting.harvest(streaming, completed(blocked, fine), Instant.now(), events);

            assertThat(first.jobsHarvested()).isEqualTo(1);
            assertThat(state(fine)).isEqualTo(LedgerState.SUCCEEDED);
            for (JobOutputs.Expected e : outputs(fine, apart).byLfn().values()) {
                assertThat(e.target()).hasContent("events " + e.lfn());
                assertThat(e.staged()).doesNotExist();
            }
            assertThat(state(blocked)).isEqualTo(LedgerState.QUEUED);
            assertThat(events.events()).filteredOn(e -> e.kind() == EventKind.HARVEST_DEFERRED).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("66052/0/mvtx0", "next pass"));

            Files.delete(hiddenCopy.resolve("in-the-way"));
            HarvestReport second = harvesting.harvest(streaming, completed(blocked, fine), Instant.now(), events);

            assertThat(second.jobsHarvested()).isEqualTo(1);
            assertThat(state(blocked)).isEqualTo(LedgerState.SUCCEEDED);
            assertThat(target).hasContent("events " + blocked.key().output().fileName());
            assertThat(hiddenCopy).doesNotExist();
        } finally {
            try (var walk = Files.walk(shm)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private LedgerJob submit(int segment, long cluster) throws Exception {
        return h.submit(segment, cluster);
    }

    private BatchQueue queue(BatchState state, Instant since) {
        return BatchQueue.of(List.of(queueJob(row, CLUSTER, state, since, 0)));
    }

    /** Every given job completed well a moment ago. */
    private BatchQueue completed(LedgerJob... rows) {
        return h.completed(rows);
    }

    private BatchJob queueJob(LedgerJob r, long cluster, BatchState state, Instant since, int exitCode) {
        return h.queueJob(r, state, since, exitCode);
    }

    private void writeManifest(String batchId) throws Exception {
        writeManifest(row, batchId, 0, List.of());
    }

    private void writeManifest(LedgerJob r, String batchId, int exitCode, List<Manifest.Output> outputs) throws Exception {
        new Manifest(Manifest.FORMAT, r.key().toString(), batchId, "worker", exitCode, exitCode == 0 ? null : "it broke",
                "", "", "", 1, 1, "run.sh", List.of(), List.of(), outputs).write(manifestPath(r));
    }

    private Path manifestPath(LedgerJob r) {
        var dst = r.key().output();
        return new JobFiles(world.settings().layout().logDirectory(dst, "physics"), dst.stem()).manifest();
    }

    private JobOutputs outputs(LedgerJob r) {
        return outputs(r, world.settings());
    }

    private static JobOutputs outputs(LedgerJob r, EngineSettings settings) {
        return JobOutputs.of(r.key().output(), "physics", settings.stagingLayout(), settings.layout());
    }

    /** Writes both outputs of a job into staging, as its wrapper would, and returns them as its manifest lists them. */
    private List<Manifest.Output> stage(LedgerJob r, EngineSettings settings, String content) throws Exception {
        List<Manifest.Output> listed = new ArrayList<>();
        for (JobOutputs.Expected e : outputs(r, settings).byLfn().values()) {
            Files.createDirectories(e.staged().getParent());
            Files.writeString(e.staged(), content + " " + e.lfn());
            Fingerprint f = Fingerprint.of(e.staged());
            listed.add(new Manifest.Output(e.lfn(), e.staged().toString(), f.size(), "md5", f.md5(), 500L, 0L, 499L));
        }
        return listed;
    }

    private List<Manifest.Output> stage(LedgerJob r, String content) throws Exception {
        return stage(r, world.settings(), content);
    }

    private JobOutputs.Expected dstOf(LedgerJob r) {
        return outputs(r).byLfn().get(r.key().output().fileName());
    }

    /** The md5 the FileCatalog holds for {@code lfn}, or null. */
    private String catalogued(String lfn) throws Exception {
        return h.catalogued(lfn);
    }

    private LedgerState state() throws Exception {
        return state(row);
    }

    private LedgerState state(LedgerJob r) throws Exception {
        return h.state(r);
    }

    private static List<String> messages(EventLog events) {
        return events.events().stream().map(EngineEvent::message).toList();
    }
}
