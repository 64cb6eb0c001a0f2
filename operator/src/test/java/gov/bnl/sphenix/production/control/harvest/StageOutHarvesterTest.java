package gov.bnl.sphenix.production.control.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.control.CatalogPorts;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harvest of sphenixprod's convention on real files staged by the project's stageout.sh:
 * exactly a finished job's files, proven by dbid and name, verified, registered and renamed; none
 * of a failed job's; never a file still being written or another job's; convergence after a crash.
 */
class StageOutHarvesterTest {

    private static final long CLUSTER = 5151;

    @TempDir
    Path dir;

    private HarvestWorld h;
    private StageOutHelper stageOut;
    private LedgerJob row;

    @BeforeEach
    void oneSubmittedCombinerJob() throws Exception {
        h = new HarvestWorld(dir);
        stageOut = new StageOutHelper(dir.resolve("scratch"));
        row = h.submit(0, CLUSTER);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aCombinerWritingFiveSegmentsRegistersFiveDstsAndTheirHistsRenamedToTheirLfns() throws Exception {
        List<Path> staged = stageSegments(row, 5);
        String stem = row.key().output().stem();
        Path marker = Files.writeString(stagedDst(row).resolve(stem + ".finished:nevents:0:first:-1:last:-1:md5:none:dbid:"
                + row.id()), "");
        Path othersMarker = Files.writeString(stagedDst(row).resolve(stem + ".finished:nevents:0:first:-1:last:-1:md5:none"
                + ":dbid:" + (row.id() + 1000)), "");
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(row), events);

        assertThat(report.jobsHarvested()).isEqualTo(1);
        assertThat(report.outputsRegistered()).isEqualTo(10);
        assertThat(report.eventsRegistered()).isEqualTo(5 * 1000);
        assertThat(h.state(row)).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(h.reload(row).nevents()).hasValue(5000);
        assertThat(staged).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(marker).as("the job's .finished marker goes with its files").doesNotExist();
        assertThat(othersMarker).as("another job's marker stays").exists();
        for (int seg = 0; seg < 5; seg++) {
            Path dst = finalDst(row).resolve(dst(row, seg));
            Path hist = finalHist(row).resolve(hist(row, seg));
            assertThat(dst).hasContent("events of " + dst(row, seg));
            assertThat(hist).hasContent("histograms of " + hist(row, seg));
            assertThat(h.catalogued(dst(row, seg))).isEqualTo(Fingerprint.of(dst).md5());
            assertThat(h.catalogued(hist(row, seg))).isEqualTo(Fingerprint.of(hist).md5());
        }
        assertThat(datasets("DST_STREAMING_EVENT_mvtx0")).containsExactly(
                "0 1000 0 999", "1 1000 1000 1999", "2 1000 2000 2999", "3 1000 3000 3999", "4 1000 4000 4999");
        assertThat(datasets("HIST_DST_STREAMING_EVENT_mvtx0")).hasSize(5);
        assertThat(messages(events)).singleElement().asString().contains("registered 10 outputs of 1 job");
    }

    /**
     * Staging on one file system, the final trees on a real tmpfs too small for the job's ten files:
     * the renames would be copies, and the disk fills. The files are copied beside their targets
     * before anything is registered, so the job stops whole — nothing catalogued, nothing in place,
     * every staged name (which carries the events) still there — says why, and is harvested in full
     * once there is space.
     */
    @Test
    void aFinalTreeTooFullForAJobsFilesCataloguesNoneOfThemAndTakesThemAllOnceThereIsSpace() throws Exception {
        try (SmallFileSystem small = SmallFileSystem.mount(dir.resolve("small"), "16k")) {
            EngineSettings settings = small.finalTreesOn(h.settings());
            List<Path> staged = stageSegments(row, 5);
            EventLog events = new EventLog(Clock.systemUTC());
            CatalogPorts ports = h.ports(settings);
            StageOutHarvester harvester = new StageOutHarvester(ports.ledger(), ports.moves(), ports.registry(), settings,
                    CrashPoint.NONE);

            HarvestReport full = harvester.harvest(h.streaming, h.completed(row), events);

            assertThat(full.outputsRegistered()).isZero();
            assertThat(full.waitingForSpace()).hasSize(1);
            assertThat(full.spaceTrouble(h.streaming.name())).get().asString()
                    .startsWith("harvest of demo-streaming waits for space: no space left in " + small.root())
                    .endsWith("1 finished job's outputs stay in staging until there is");
            assertThat(h.state(row)).as("not closed: as it was submitted").isEqualTo(LedgerState.QUEUED);
            assertThat(staged).allSatisfy(p -> assertThat(p).exists());
            for (int seg = 0; seg < 5; seg++) {
                assertThat(h.catalogued(dst(row, seg))).as("segment %d's DST", seg).isNull();
                assertThat(h.catalogued(hist(row, seg))).as("segment %d's histograms", seg).isNull();
            }
            try (var left = Files.walk(small.root())) {
                assertThat(left.filter(Files::isRegularFile)).as("copies or files left in the full tree").isEmpty();
            }
            assertThat(messages(events)).anySatisfy(m -> assertThat(m)
                    .contains("66052/0/mvtx0", "no space left in " + small.root(), "nothing of them catalogued"));

            small.grow("16m");
            HarvestReport done = harvester.harvest(h.streaming, h.completed(row), events);
            harvester.close();

            assertThat(done.outputsRegistered()).isEqualTo(10);
            assertThat(done.waitingForSpace()).isEmpty();
            assertThat(h.state(row)).isEqualTo(LedgerState.SUCCEEDED);
            assertThat(staged).allSatisfy(p -> assertThat(p).doesNotExist());
            StageOutPlaces there = StageOutPlaces.of(row.key().output(), "physics", settings.stagingLayout(),
                    settings.layout());
            for (int seg = 0; seg < 5; seg++) {
                Path dst = there.finalDst().resolve(dst(row, seg));
                assertThat(dst).hasContent("events of " + dst(row, seg));
                assertThat(h.catalogued(dst(row, seg))).isEqualTo(Fingerprint.of(dst).md5());
                assertThat(there.finalHist().resolve(hist(row, seg))).hasContent("histograms of " + hist(row, seg));
            }
        }
    }

    @Test
    void aJobAdoptedFromSphenixprodIsHarvestedByTheIdSphenixprodGaveItAndNotByItsRows() throws Exception {
        LedgerJob adopted = h.submit(1, CLUSTER + 1, StagingDbid.ADOPTED_PREFIX + 4711);
        List<Path> its = new ArrayList<>();
        for (int seg = 1; seg < 3; seg++) {
            its.add(stageOut.stage(dst(adopted, seg), "events of " + dst(adopted, seg), 1000, seg * 1000L,
                    stagedDst(adopted), 4711));
            its.add(stageOut.stage(hist(adopted, seg), "histograms of " + hist(adopted, seg), 1000, seg * 1000L,
                    stagedHist(adopted), 4711));
        }
        Path stranger = stageOut.stage(dst(adopted, 2), "not its events", 1000, 2000L, stagedDst(adopted),
                adopted.id() + 1000);

        HarvestReport report = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(adopted),
                new EventLog(Clock.systemUTC()));

        assertThat(report.jobsHarvested()).isEqualTo(1);
        assertThat(report.outputsRegistered()).isEqualTo(4);
        assertThat(h.state(adopted)).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(its).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(stranger).as("a file under another dbid is not the adopted job's").exists();
        assertThat(StagingDbid.of(row)).as("the operator's own jobs stage under their row's id").isEqualTo(row.id());
    }

    @Test
    void aJobThatWroteThreeOfFiveSegmentsAndFailedRegistersNoneAndIsRetriedAndOnlyTheRetrysFilesAreTaken()
            throws Exception {
        List<Path> firstAttempt = stageSegments(row, 3);
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport failed = harvester(CrashPoint.NONE).harvest(h.streaming,
                BatchQueue.of(List.of(h.queueJob(row, BatchState.COMPLETED, Instant.now(), 31))), events);

        assertThat(failed.outputsRegistered()).isZero();
        assertThat(h.state(row)).as("closed like a killed job: the planner submits it again").isEqualTo(LedgerState.KILLED);
        assertThat(firstAttempt).allSatisfy(p -> {
            assertThat(p).doesNotExist();
            assertThat(p.resolveSibling(p.getFileName() + ".failed-attempt-1")).exists();
        });
        assertThat(h.catalogued(dst(row, 0))).isNull();
        assertThat(finalDst(row).resolve(dst(row, 0))).doesNotExist();
        assertThat(messages(events)).anySatisfy(m -> assertThat(m).contains("66052/0/mvtx0", "none of its 6 staged files"))
                .anySatisfy(m -> assertThat(m).contains("staged out", "attempt 1 of 3", "submitted again"));

        LedgerJob retry = h.submit(0, CLUSTER + 1);
        assertThat(retry.id()).as("the ledger keeps one row, so one dbid, per key").isEqualTo(row.id());
        stageSegments(retry, 5);
        HarvestReport second = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(retry), events);

        assertThat(second.outputsRegistered()).isEqualTo(10);
        assertThat(h.state(retry)).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(firstAttempt).allSatisfy(p -> assertThat(p.resolveSibling(p.getFileName() + ".failed-attempt-1")).exists());
    }

    @Test
    void jobsHarvestedInSeveralBatchesAreEachRegisteredRenamedAndClosed() throws Exception {
        List<LedgerJob> jobs = new ArrayList<>(List.of(row));
        for (int key = 10; key <= 40; key += 10) {
            jobs.add(h.submit(key, CLUSTER + key));
        }
        for (LedgerJob job : jobs) {
            int first = job.key().job().segment();
            for (int seg = first; seg < first + 2; seg++) {
                stageOut.stage(dst(job, seg), "events of " + dst(job, seg), 1000, seg * 1000L, stagedDst(job), job.id());
                stageOut.stage(hist(job, seg), "histograms of " + hist(job, seg), 1000, seg * 1000L, stagedHist(job),
                        job.id());
            }
        }
        EventLog events = new EventLog(Clock.systemUTC());
        EngineSettings s = h.settings();
        EngineSettings twoJobsABatch = new EngineSettings(s.layout(), s.stagingRoot(), s.payloadDirectory(), s.payloadRoot(),
                s.storage(), s.planner(), 2, s.historyLimit(), s.infrastructureAttempts());
        CatalogPorts ports = h.ports(twoJobsABatch);

        HarvestReport report = new StageOutHarvester(ports.ledger(), ports.moves(), ports.registry(), twoJobsABatch,
                CrashPoint.NONE).harvest(h.streaming, h.completed(jobs.toArray(LedgerJob[]::new)), events);

        assertThat(report).isEqualTo(new HarvestReport(5, 20, 10_000, 0));
        for (LedgerJob job : jobs) {
            assertThat(h.state(job)).isEqualTo(LedgerState.SUCCEEDED);
            int first = job.key().job().segment();
            assertThat(finalDst(job).resolve(dst(job, first + 1))).hasContent("events of " + dst(job, first + 1));
        }
        assertThat(datasets("DST_STREAMING_EVENT_mvtx0")).hasSize(10);
        // batches of 1, 2, 1 and 1 jobs (small at both ends, PipelineBatchesTest): one registration each
        assertThat(messages(events)).containsExactly("registered 4 outputs of 1 job, run 66052 (2000 events)",
                "registered 8 outputs of 2 jobs, run 66052 (4000 events)",
                "registered 4 outputs of 1 job, run 66052 (2000 events)",
                "registered 4 outputs of 1 job, run 66052 (2000 events)");
    }

    @Test
    void aKilledAttemptWhoseFilesCannotBeSetAsideHoldsItsKeyBack() throws Exception {
        List<Path> firstAttempt = stageSegments(row, 3, "attempt 1: ");
        // the set-aside name is taken by a directory that is not empty: the move fails
        Path blocked = firstAttempt.get(0).resolveSibling(firstAttempt.get(0).getFileName() + ".failed-attempt-1");
        Files.writeString(Files.createDirectories(blocked).resolve("something"), "in the way");
        h.transitions.killed(List.of(new JobTransitions.SubmittedRow(row.id(), CLUSTER, 0)));
        EventLog events = new EventLog(Clock.systemUTC());

        HarvestReport report = harvester(CrashPoint.NONE).harvest(h.streaming, BatchQueue.of(List.of()), events);

        assertThat(report.heldBack()).as("the key may not run again under the same dbid yet")
                .containsExactly(row.key().job());
        assertThat(firstAttempt.get(0)).exists();
        assertThat(messages(events)).anySatisfy(m -> assertThat(m).contains("could not be read or set aside"));
    }

    @Test
    void aKilledAttemptsFilesAreSetAsideBeforeItsKeyRunsAgainAndOnlyTheNextAttemptsFilesAreRegistered() throws Exception {
        List<Path> firstAttempt = stageSegments(row, 3, "attempt 1: ");
        // killed mid-copy of segment 3: stageout.sh's hidden partial name is left behind
        Path partial = Files.writeString(stagedDst(row).resolve("." + dst(row, 3) + ".part-4711"), "attempt 1: half a");
        // what the executor's kill records (a revert, a rerun, a kill action); the batch job is gone
        h.transitions.killed(List.of(new JobTransitions.SubmittedRow(row.id(), CLUSTER, 0)));
        EventLog events = new EventLog(Clock.systemUTC());

        // the engine harvests before it plans: this pass comes before the key's next submission
        HarvestReport killedPass = harvester(CrashPoint.NONE).harvest(h.streaming,
                BatchQueue.of(List.of(h.queueJob(row, BatchState.REMOVED, Instant.now(), 0))), events);
        LedgerJob retry = h.submit(0, CLUSTER + 1);
        List<Path> secondAttempt = stageSegments(retry, 5, "attempt 2: ");
        HarvestReport harvested = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(retry), events);

        assertThat(killedPass).isEqualTo(HarvestReport.NONE);
        assertThat(retry.id()).as("the same row, so the same dbid").isEqualTo(row.id());
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(harvested.outputsRegistered()).isEqualTo(10);
        assertThat(h.state(retry)).isEqualTo(LedgerState.SUCCEEDED);
        assertOnlyTheseAttemptsFiles(retry, "attempt 2: ", secondAttempt);
        assertThat(firstAttempt).allSatisfy(p -> {
            assertThat(p).doesNotExist();
            assertThat(p.resolveSibling(p.getFileName() + ".failed-attempt-1")).exists();
        });
        assertThat(partial).as("never registered, renamed or set aside").exists().hasContent("attempt 1: half a");
        try (var left = Files.list(stagedDst(row))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .filteredOn(n -> !n.endsWith(".failed-attempt-1")).containsExactly(partial.getFileName().toString());
        }
        assertThat(messages(events)).anySatisfy(m -> assertThat(m).contains("66052/0/mvtx0 was killed on attempt 1",
                "none of its 6 staged files", ".failed-attempt-1"));
    }

    @Test
    void aJobRemovedFromTheQueueHasItsFilesSetAsideAndItsNextAttemptIsHarvestedAlone() throws Exception {
        List<Path> firstAttempt = stageSegments(row, 3, "attempt 1: ");
        EventLog events = new EventLog(Clock.systemUTC());

        // removed by hand or a periodic_remove: the ledger still says queued when the harvest sees it
        harvester(CrashPoint.NONE).harvest(h.streaming,
                BatchQueue.of(List.of(h.queueJob(row, BatchState.REMOVED, Instant.now(), 0))), events);

        assertThat(h.state(row)).as("closing the row is the planner's").isEqualTo(LedgerState.QUEUED);
        assertThat(firstAttempt).allSatisfy(p -> assertThat(p.resolveSibling(p.getFileName() + ".failed-attempt-1"))
                .exists());
        assertThat(messages(events)).singleElement().asString().contains("was removed from the batch queue",
                "none of its 6 staged files");

        h.transitions.failed(row.id(), Optional.empty());  // the planner's MarkFailed; a rerun submits it again
        LedgerJob retry = h.submit(0, CLUSTER + 1);
        List<Path> secondAttempt = stageSegments(retry, 5, "attempt 2: ");
        HarvestReport harvested = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(retry), events);

        assertThat(harvested.outputsRegistered()).isEqualTo(10);
        assertOnlyTheseAttemptsFiles(retry, "attempt 2: ", secondAttempt);
    }

    @Test
    void aFailedRowIsLeftAloneUntilARerunTokenCanSubmitItAgain() throws Exception {
        List<Path> staged = stageSegments(row, 2);
        h.transitions.failed(row.id(), Optional.empty());

        harvester(CrashPoint.NONE).harvest(h.streaming, BatchQueue.of(List.of()), new EventLog(Clock.systemUTC()));

        assertThat(staged).as("kept as they are: the rerun token in force is the one it ran under").allSatisfy(p ->
                assertThat(p).exists());
    }

    @Test
    void aFileUnderAHiddenTemporaryNameIsNeverRegistered() throws Exception {
        stageSegments(row, 2);
        // what stageout.sh leaves when the job is killed mid-copy: the hidden partial name, never the final one
        Path partial = Files.writeString(stagedDst(row).resolve("." + dst(row, 2) + ".part-4711"), "events of half a");

        HarvestReport report = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(row), new EventLog(Clock.systemUTC()));

        assertThat(report.outputsRegistered()).isEqualTo(4);
        assertThat(partial).exists().hasContent("events of half a");
        assertThat(h.catalogued(dst(row, 2))).isNull();
        assertThat(finalDst(row).resolve(dst(row, 2))).doesNotExist();
    }

    @Test
    void aStagedFileWhoseMd5OrSizeDoesNotMatchItsNameIsRefusedAndNothingOfTheJobIsRegistered() throws Exception {
        List<Path> staged = stageSegments(row, 2);
        Path dst1 = staged.get(1);
        Files.writeString(dst1, Files.readString(dst1).replace('e', 'E'));  // same size, other md5
        EventLog events = new EventLog(Clock.systemUTC());

        harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(row), events);

        assertThat(h.state(row)).isEqualTo(LedgerState.FAILED);
        assertThat(h.catalogued(dst(row, 0))).isNull();
        assertThat(h.catalogued(dst(row, 1))).isNull();
        assertThat(messages(events)).singleElement().asString().contains("66052/0/mvtx0", "md5");

        LedgerJob other = h.submit(1, CLUSTER + 2);
        Path grown = stageOut.stage(dst(other, 1), "events of one", 1000, 0, stagedDst(other), other.id());
        Files.writeString(grown, "events of one and more");
        EventLog otherEvents = new EventLog(Clock.systemUTC());

        harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(other), otherEvents);

        assertThat(h.state(other)).isEqualTo(LedgerState.FAILED);
        assertThat(h.catalogued(dst(other, 1))).isNull();
        assertThat(messages(otherEvents)).singleElement().asString().contains("bytes, its name says");
    }

    @Test
    void aStagedNameThatIsAPipeOrALinkIsRefusedWithoutBeingOpened() throws Exception {
        List<Path> staged = stageSegments(row, 2);
        Path pipe = staged.get(1);
        Files.delete(pipe);
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        EventLog events = new EventLog(Clock.systemUTC());

        // opening a pipe nobody writes would block the harvest for ever
        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(row), events));

        assertThat(h.state(row)).isEqualTo(LedgerState.FAILED);
        assertThat(h.catalogued(dst(row, 0))).isNull();
        assertThat(messages(events)).singleElement().asString().contains(pipe.toString(), "not a regular file");

        LedgerJob other = h.submit(1, CLUSTER + 2);
        Path link = stageOut.stage(dst(other, 1), "events of one", 1000, 0, stagedDst(other), other.id());
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "events of one");
        Files.delete(link);
        Files.createSymbolicLink(link, elsewhere);
        EventLog otherEvents = new EventLog(Clock.systemUTC());

        harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(other), otherEvents);

        assertThat(h.state(other)).isEqualTo(LedgerState.FAILED);
        assertThat(h.catalogued(dst(other, 1))).isNull();
        assertThat(elsewhere).hasContent("events of one");
        assertThat(messages(otherEvents)).singleElement().asString().contains("not a regular file (a link is never followed)");
    }

    @Test
    void aFileWithAnotherJobsDbidInTheSameDirectoryIsLeftAlone() throws Exception {
        stageSegments(row, 2);
        Path foreign = stageOut.stage(dst(row, 7), "events of someone else", 1000, 7000, stagedDst(row), row.id() + 1000);

        HarvestReport report = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(row), new EventLog(Clock.systemUTC()));

        assertThat(report.outputsRegistered()).isEqualTo(4);
        assertThat(h.state(row)).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(foreign).exists();
        assertThat(h.catalogued(dst(row, 7))).isNull();
    }

    @Test
    void aJobHeldUntilItFailedRegistersNoneOfItsFiles() throws Exception {
        List<Path> staged = stageSegments(row, 2);
        h.transitions.failed(row.id(), Optional.empty());  // what the planner's MarkFailed records

        HarvestReport report = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(row), new EventLog(Clock.systemUTC()));

        assertThat(report).isEqualTo(HarvestReport.NONE);
        assertThat(staged).allSatisfy(p -> assertThat(p).exists());
        assertThat(h.catalogued(dst(row, 0))).isNull();
        assertThat(h.state(row)).isEqualTo(LedgerState.FAILED);
    }

    @Test
    void aJobStillInTheQueueIsNotLookedAt() throws Exception {
        List<Path> staged = stageSegments(row, 1);

        HarvestReport report = harvester(CrashPoint.NONE).harvest(h.streaming,
                BatchQueue.of(List.of(h.queueJob(row, BatchState.RUNNING, Instant.now(), 0))), new EventLog(Clock.systemUTC()));

        assertThat(report).isEqualTo(HarvestReport.NONE);
        assertThat(staged).allSatisfy(p -> assertThat(p).exists());
        assertThat(h.state(row)).isEqualTo(LedgerState.QUEUED);
    }

    @Test
    void aSecondPassAfterACrashBetweenRegistrationAndRenamingConvergesWithoutDuplicates() throws Exception {
        List<Path> staged = stageSegments(row, 5);
        CrashPoint crashAfterRegistration = step -> {
            if (step == CrashPoint.Step.AFTER_HARVEST_REGISTERED) {
                throw new IllegalStateException("crash: " + step);
            }
        };

        assertThatThrownBy(() -> harvester(crashAfterRegistration).harvest(h.streaming, h.completed(row),
                new EventLog(Clock.systemUTC()))).hasMessageContaining("crash");
        assertThat(datasets("DST_STREAMING_EVENT_mvtx0")).hasSize(5);
        assertThat(staged).allSatisfy(p -> assertThat(p).exists());
        // and a crash between two renames: the first file is in place already
        Files.createDirectories(finalDst(row));
        Files.move(staged.get(0), finalDst(row).resolve(dst(row, 0)));

        HarvestReport second = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(row), new EventLog(Clock.systemUTC()));
        HarvestReport third = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(row), new EventLog(Clock.systemUTC()));

        assertThat(second.jobsHarvested()).isEqualTo(1);
        assertThat(second.outputsRegistered()).as("catalogued by the first pass").isZero();
        assertThat(third).isEqualTo(HarvestReport.NONE);
        assertThat(h.state(row)).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(datasets("DST_STREAMING_EVENT_mvtx0")).hasSize(5);
        assertThat(datasets("HIST_DST_STREAMING_EVENT_mvtx0")).hasSize(5);
        for (int seg = 0; seg < 5; seg++) {
            assertThat(finalDst(row).resolve(dst(row, seg))).hasContent("events of " + dst(row, seg));
            assertThat(finalHist(row).resolve(hist(row, seg))).exists();
        }
        assertThat(staged).allSatisfy(p -> assertThat(p).doesNotExist());
    }

    @Test
    void aBatchWithAJobRegisteredBeforeACrashFallsBackAndRegistersEachFileOnce() throws Exception {
        LedgerJob other = h.submit(10, CLUSTER + 10);
        List<Path> staged = new ArrayList<>();
        for (LedgerJob job : List.of(row, other)) {
            int first = job.key().job().segment();
            for (int seg = first; seg < first + 2; seg++) {
                staged.add(stageOut.stage(dst(job, seg), "events of " + dst(job, seg), 1000, seg * 1000L, stagedDst(job),
                        job.id()));
                staged.add(stageOut.stage(hist(job, seg), "histograms of " + hist(job, seg), 1000, seg * 1000L,
                        stagedHist(job), job.id()));
            }
        }
        CrashPoint crashAfterRegistration = step -> {
            if (step == CrashPoint.Step.AFTER_HARVEST_REGISTERED) {
                throw new IllegalStateException("crash: " + step);
            }
        };
        assertThatThrownBy(() -> harvester(crashAfterRegistration).harvest(h.streaming, h.completed(row),
                new EventLog(Clock.systemUTC()))).hasMessageContaining("crash");
        assertThat(datasets("DST_STREAMING_EVENT_mvtx0")).as("the first job's, catalogued, not closed").hasSize(2);

        // one batch: the first job's files are in the catalog, the other job's are not
        HarvestReport second = harvester(CrashPoint.NONE).harvest(h.streaming, h.completed(row, other),
                new EventLog(Clock.systemUTC()));

        assertThat(second).isEqualTo(new HarvestReport(2, 4, 4_000, 0));
        assertThat(h.state(row)).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(h.state(other)).isEqualTo(LedgerState.SUCCEEDED);
        assertThat(datasets("DST_STREAMING_EVENT_mvtx0")).hasSize(4);
        assertThat(datasets("HIST_DST_STREAMING_EVENT_mvtx0")).hasSize(4);
        assertThat(catalogedCopies()).as("copies and distinct names in files").containsExactly(8L, 8L);
        assertThat(staged).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(finalDst(other).resolve(dst(other, 11))).hasContent("events of " + dst(other, 11));
        assertThat(finalDst(row).resolve(dst(row, 1))).hasContent("events of " + dst(row, 1));
    }

    private StageOutHarvester harvester(CrashPoint crash) {
        CatalogPorts ports = h.ports(h.settings());
        return new StageOutHarvester(ports.ledger(), ports.moves(), ports.registry(), h.settings(), crash);
    }

    /** Stages segments 0 … n-1 of the job, each DST (1000 events) and its histogram file, with the job's dbid. */
    private List<Path> stageSegments(LedgerJob job, int n) throws Exception {
        return stageSegments(job, n, "");
    }

    /** The same, each file's content starting with {@code attempt}, so that attempts differ in md5. */
    private List<Path> stageSegments(LedgerJob job, int n, String attempt) throws Exception {
        List<Path> staged = new ArrayList<>();
        for (int seg = 0; seg < n; seg++) {
            staged.add(stageOut.stage(dst(job, seg), attempt + "events of " + dst(job, seg), 1000, seg * 1000L,
                    stagedDst(job), job.id()));
        }
        for (int seg = 0; seg < n; seg++) {
            staged.add(stageOut.stage(hist(job, seg), attempt + "histograms of " + hist(job, seg), 1000, seg * 1000L,
                    stagedHist(job), job.id()));
        }
        return staged;
    }

    /** Exactly the attempt's 5 DSTs and 5 HISTs are in place and catalogued, with the attempt's md5. */
    private void assertOnlyTheseAttemptsFiles(LedgerJob job, String attempt, List<Path> staged) throws Exception {
        assertThat(staged).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(datasets("DST_STREAMING_EVENT_mvtx0")).hasSize(5);
        assertThat(datasets("HIST_DST_STREAMING_EVENT_mvtx0")).hasSize(5);
        for (int seg = 0; seg < 5; seg++) {
            Path dst = finalDst(job).resolve(dst(job, seg));
            Path hist = finalHist(job).resolve(hist(job, seg));
            assertThat(dst).hasContent(attempt + "events of " + dst(job, seg));
            assertThat(hist).hasContent(attempt + "histograms of " + hist(job, seg));
            assertThat(h.catalogued(dst(job, seg))).isEqualTo(Fingerprint.of(dst).md5());
            assertThat(h.catalogued(hist(job, seg))).isEqualTo(Fingerprint.of(hist).md5());
        }
        try (var placed = Files.list(finalDst(job))) {
            assertThat(placed).hasSize(5);
        }
    }

    private static String dst(LedgerJob job, int seg) {
        OutputFile key = job.key().output();
        return new OutputFile(key.dsttype(), key.leaf(), key.dataset(), key.tag(), key.run(), seg).fileName();
    }

    /** The name the rolling macros give a segment's histograms: HIST_ and the DST's name. */
    private static String hist(LedgerJob job, int seg) {
        return "HIST_" + dst(job, seg);
    }

    private StageOutPlaces dirs(LedgerJob job) {
        return StageOutPlaces.of(job.key().output(), "physics", h.settings().stagingLayout(), h.settings().layout());
    }

    private Path stagedDst(LedgerJob job) {
        return dirs(job).stagedDst();
    }

    private Path stagedHist(LedgerJob job) {
        return dirs(job).stagedHist();
    }

    private Path finalDst(LedgerJob job) {
        return dirs(job).finalDst();
    }

    private Path finalHist(LedgerJob job) {
        return dirs(job).finalHist();
    }

    /** "segment events first last" of the catalogued outputs of {@code dsttype} of the run, by segment. */
    private List<String> datasets(String dsttype) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = h.world.catalogs().fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT segment, events, firstevent, lastevent FROM datasets"
                     + " WHERE dsttype = ? AND runnumber = ? ORDER BY segment")) {
            s.setString(1, dsttype);
            s.setInt(2, HarvestWorld.RUN);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
                }
            }
        }
        return rows;
    }

    /** Rows in {@code files} of the run, and distinct names among them. */
    private List<Long> catalogedCopies() throws Exception {
        try (Connection c = h.world.catalogs().fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*), count(DISTINCT lfn) FROM files WHERE lfn LIKE ?")) {
            s.setString(1, "%-" + String.format("%08d", HarvestWorld.RUN) + "-%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return List.of(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private static List<String> messages(EventLog events) {
        return events.events().stream().map(EngineEvent::message).toList();
    }
}
