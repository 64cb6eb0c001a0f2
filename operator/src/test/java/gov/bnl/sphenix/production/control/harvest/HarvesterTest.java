package gov.bnl.sphenix.production.control.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.batch.wrapper.Manifest;
import gov.bnl.sphenix.production.catalog.ledger.JobKey;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.JobState;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.NewJob;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.demo.DemoWorld;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.QueueJob;
import gov.bnl.sphenix.production.plan.QueueState;
import gov.bnl.sphenix.production.spec.BatchJobId;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the harvester must not take: jobs still queued, manifests of earlier attempts; and what it gives up on. */
class HarvesterTest {

    private static final long CLUSTER = 4242;

    @TempDir
    Path dir;

    private DemoWorld world;
    private Production streaming;
    private Harvester harvester;
    private LedgerJob row;

    @BeforeEach
    void oneSubmittedJob() throws Exception {
        world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7,
                data -> new LocalExecutor(LocalSettings.defaults()));
        world.declare("streaming", "Merge pull request #1");
        streaming = SpecLoader.load(new DirectoryTree(world.specs().workingCopy())).repository().orElseThrow()
                .production("demo-streaming").orElseThrow();
        new ProductionRegistry(world.catalogs().ledger(), world.catalogs().retry()).record(new ProductionRecord(
                streaming.name(), streaming.specHash(), "r1", ProductionState.ACTIVE, Instant.now()));
        JobTransitions transitions = new JobTransitions(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC());
        row = transitions.takeForSubmission(List.of(new NewJob(JobKey.of(streaming, 66052, 0, "mvtx0"), 0, 256, "r1", "", List.of())),
                "btoken").get(0);
        transitions.recordSubmitted("btoken", List.of(new JobTransitions.SubmittedRow(row.id(), CLUSTER, 0)));
        harvester = new Harvester(world.catalogs(), world.settings(), Clock.systemUTC(), CrashPoint.NONE);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aJobStillInTheQueueIsNotHarvestedEvenWithItsManifestWritten() throws Exception {
        writeManifest(CLUSTER + ".0");
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, queue(QueueState.RUNNING, Instant.now()), Instant.now(), events);

        assertThat(report).isEqualTo(HarvestReport.NONE);
        assertThat(state()).isEqualTo(JobState.IDLE);
    }

    @Test
    void aManifestOfAnEarlierAttemptIsIgnored() throws Exception {
        writeManifest("17.0");
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester.harvest(streaming, queue(QueueState.COMPLETED, Instant.now()), Instant.now(), events);

        assertThat(report).isEqualTo(HarvestReport.NONE);
        assertThat(state()).isEqualTo(JobState.IDLE);
        assertThat(events.events()).isEmpty();
    }

    @Test
    void aCompletedJobWithoutAManifestFailsOnlyAfterTheGracePeriod() throws Exception {
        Instant now = Instant.now();
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport early = harvester.harvest(streaming, queue(QueueState.COMPLETED, now.minus(Duration.ofMinutes(2))),
                now, events);
        JobState afterEarly = state();
        HarvestReport late = harvester.harvest(streaming, queue(QueueState.COMPLETED,
                now.minus(Harvester.MANIFEST_GRACE).minusSeconds(1)), now, events);

        assertThat(early.jobsFailed()).isZero();
        assertThat(afterEarly).isEqualTo(JobState.IDLE);
        assertThat(late.jobsFailed()).isEqualTo(1);
        assertThat(state()).isEqualTo(JobState.FAILED);
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.warning()).isTrue();
            assertThat(e.message()).contains("66052/0/mvtx0", CLUSTER + ".0", "left no manifest");
        });
    }

    private BatchQueue queue(QueueState state, Instant since) {
        return BatchQueue.of(List.of(new QueueJob(new BatchJobId(CLUSTER, 0),
                Optional.of(gov.bnl.sphenix.production.spec.JobKey.ofLeaf(streaming.name(), 66052, 0, "mvtx0")), "btoken", "",
                state, Optional.empty(), 256, 1, Optional.of(since), Optional.of(since), Optional.of(since),
                state == QueueState.COMPLETED ? OptionalInt.of(0) : OptionalInt.empty())));
    }

    private void writeManifest(String batchId) throws Exception {
        var dst = row.key().output();
        Path log = world.settings().layout().logDirectory(dst, "physics");
        new Manifest(Manifest.FORMAT, row.key().toString(), batchId, "worker", 0, null, "", "", "", 1, 1, "run.sh",
                List.of(), List.of(), List.of()).write(new JobFiles(log, dst.stem()).manifest());
    }

    private JobState state() throws Exception {
        List<LedgerJob> rows = new ArrayList<>();
        new JobLedger(world.catalogs().ledger(), world.catalogs().retry(), Clock.systemUTC())
                .jobs(streaming.name(), EnumSet.allOf(JobState.class), rows::add);
        return rows.get(0).state();
    }
}
