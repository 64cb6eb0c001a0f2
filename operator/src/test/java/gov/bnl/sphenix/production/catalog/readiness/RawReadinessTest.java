package gov.bnl.sphenix.production.catalog.readiness;

import static gov.bnl.sphenix.production.catalog.testing.CatalogFixture.rawName;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAMING;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAMING_LEAVES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.CatalogFixture;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.catalog.testing.TestProducts;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunRange;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every readiness rule of raw-data products, against a real PostgreSQL. Each test owns its run numbers. */
class RawReadinessTest {

    private static final String[] ALL_HOSTS = {"ebdc00", "ebdc01", "intt0", "gl1daq"};
    private static final String[] ALL_STREAMS = {"ebdc00_0", "ebdc00_1", "ebdc01_0", "ebdc01_1", "intt0", "gl1daq"};

    private static Catalogs catalogs;
    private static CatalogFixture fixture;
    private static Readiness readiness;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        fixture = new CatalogFixture(catalogs);
        readiness = Readiness.of(catalogs);
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    private static List<ReadyJob> find(Production production) throws SQLException {
        List<ReadyJob> found = new ArrayList<>();
        readiness.find(ReadinessRequests.forProduction(production, TestProducts.catalogue()), found::add);
        return found;
    }

    private static List<ReadyJob> physics(RunSet runs, Segments segments, String... masks) throws SQLException {
        return find(TestProducts.production(STREAMING, "physics", runs, segments, List.of(masks)));
    }

    private static void completeRun(int run, int segments) throws SQLException {
        fixture.run(run, "physics").hosts(run, ALL_HOSTS).rawOnDisk(run, segments, ALL_STREAMS);
    }

    @Test
    void aCompleteRunGivesOneJobPerLeafReadingItsFileAndTheTriggerFile() throws SQLException {
        completeRun(100, 1);

        List<ReadyJob> found = physics(RunSet.runs(100), Segments.FIRST_ONLY);

        assertThat(found).extracting(ReadyJob::run, ReadyJob::segment, ReadyJob::leaf)
                .containsExactlyElementsOf(STREAMING_LEAVES.stream().map(leaf -> tuple(100, 0, leaf)).toList());
        assertThat(found.get(0).inputs()).containsExactly(rawName(100, "ebdc00_0", 0), rawName(100, "gl1daq", 0));
    }

    @Test
    void aMaskedLeafGetsNoJobAndHoldsNothingBack() throws SQLException {
        fixture.run(110, "physics").hosts(110, ALL_HOSTS)
                .rawOnDisk(110, 1, "ebdc00_0", "ebdc00_1", "ebdc01_0", "intt0", "gl1daq");   // ebdc01_1 wrote nothing

        assertThat(physics(RunSet.runs(110), Segments.FIRST_ONLY)).as("unmasked, ebdc01_1 holds the run back").isEmpty();
        assertThat(physics(RunSet.runs(110), Segments.FIRST_ONLY, "ebdc01_1")).extracting(ReadyJob::leaf)
                .containsExactly("ebdc00_0", "ebdc00_1", "ebdc01_0", "intt0");
        assertThat(physics(RunSet.runs(110), Segments.FIRST_ONLY, "TPC1")).as("a detector mask takes both servers")
                .extracting(ReadyJob::leaf).containsExactly("ebdc00_0", "ebdc00_1", "intt0");
    }

    @Test
    void aHostThatSatTheRunOutIsNotWaitedFor() throws SQLException {
        fixture.run(120, "physics").hosts(120, "ebdc00", "intt0", "gl1daq")
                .rawOnDisk(120, 1, "ebdc00_0", "ebdc00_1", "intt0", "gl1daq");

        assertThat(physics(RunSet.runs(120), Segments.FIRST_ONLY)).extracting(ReadyJob::leaf)
                .containsExactly("ebdc00_0", "ebdc00_1", "intt0");
    }

    @Test
    void aHostThatTookPartButHasNoFilesHoldsTheRunBack() throws SQLException {
        fixture.run(130, "physics").hosts(130, ALL_HOSTS)
                .rawOnDisk(130, 1, "ebdc00_0", "ebdc00_1", "intt0", "gl1daq");   // ebdc01 listed, nothing arrived

        assertThat(physics(RunSet.runs(130), Segments.FIRST_ONLY)).isEmpty();
    }

    @Test
    void aFileNotYetOnDiskHoldsTheRunBackUntilItArrives() throws SQLException {
        fixture.run(140, "physics").hosts(140, ALL_HOSTS)
                .rawOnDisk(140, 1, "ebdc00_0", "ebdc01_0", "ebdc01_1", "intt0", "gl1daq")
                .raw(140, "ebdc00_1", 0, 0);   // catalogued, only on tape / not staged yet

        assertThat(physics(RunSet.runs(140), Segments.FIRST_ONLY)).isEmpty();

        fixture.rawStatus(140, "ebdc00_1", 0, 1);
        assertThat(physics(RunSet.runs(140), Segments.FIRST_ONLY)).hasSize(STREAMING_LEAVES.size());
    }

    @Test
    void aFileNotTransferredAtAllHoldsTheRunBack() throws SQLException {
        // the DAQ wrote segment 0 of intt0 but it never reached the raw catalog
        fixture.run(150, "physics").hosts(150, ALL_HOSTS)
                .rawOnDisk(150, 1, "ebdc00_0", "ebdc00_1", "ebdc01_0", "ebdc01_1", "gl1daq");

        assertThat(physics(RunSet.runs(150), Segments.FIRST_ONLY)).isEmpty();
    }

    @Test
    void theTriggerIsRequiredEvenThoughItGetsNoJob() throws SQLException {
        fixture.run(160, "physics").hosts(160, ALL_HOSTS)
                .rawOnDisk(160, 1, "ebdc00_0", "ebdc00_1", "ebdc01_0", "ebdc01_1", "intt0");

        assertThat(physics(RunSet.runs(160), Segments.FIRST_ONLY)).isEmpty();
    }

    @Test
    void aBadFileGetsNoJobButDoesNotBlockTheRun() throws SQLException {
        completeRun(170, 2);
        fixture.rawStatus(170, "intt0", 1, -1);

        List<ReadyJob> found = physics(RunSet.runs(170), Segments.ALL);

        assertThat(found).hasSize(2 * STREAMING_LEAVES.size() - 1);
        assertThat(found).noneMatch(c -> c.leaf().equals("intt0") && c.segment() == 1);
    }

    @Test
    void shortRunsRunsWithFewEventsAndRunsStillGoingAreDropped() throws SQLException {
        fixture.run(180, "physics", 1_000_000, Duration.ofSeconds(120)).hosts(180, ALL_HOSTS).rawOnDisk(180, 1, ALL_STREAMS);
        fixture.run(181, "physics", 50_000, Duration.ofHours(1)).hosts(181, ALL_HOSTS).rawOnDisk(181, 1, ALL_STREAMS);
        fixture.run(182, "physics", 1_000_000, null).hosts(182, ALL_HOSTS).rawOnDisk(182, 1, ALL_STREAMS);
        completeRun(183, 1);

        assertThat(physics(RunSet.range(180, 183), Segments.FIRST_ONLY)).extracting(ReadyJob::run).containsOnly(183);
    }

    @Test
    void runsOfAnotherRuntypeAreNotConsidered() throws SQLException {
        fixture.run(190, "calib").hosts(190, ALL_HOSTS).rawOnDisk(190, 1, ALL_STREAMS);

        assertThat(physics(RunSet.runs(190), Segments.FIRST_ONLY)).isEmpty();
    }

    @Test
    void segmentZeroOnlyTakesTheFirstFileOfEachLeafAndAllTakesEvery() throws SQLException {
        completeRun(200, 3);

        List<ReadyJob> first = physics(RunSet.runs(200), Segments.FIRST_ONLY);
        List<ReadyJob> all = physics(RunSet.runs(200), Segments.ALL);
        List<ReadyJob> cut = find(TestProducts.production(STREAMING, "physics", RunSet.runs(200), Segments.ALL,
                List.of(), RunOrder.NEWEST_FIRST, OptionalInt.of(2)));

        assertThat(first).extracting(ReadyJob::segment).containsOnly(0).hasSize(5);
        assertThat(all).extracting(ReadyJob::segment).containsExactlyElementsOf(
                List.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2));
        assertThat(all.get(5).inputs()).as("a leaf's own segment file, then every trigger file")
                .containsExactly(rawName(200, "ebdc00_0", 1),
                        rawName(200, "gl1daq", 0), rawName(200, "gl1daq", 1), rawName(200, "gl1daq", 2));
        assertThat(cut).as("sphenixprod applies cut_segment to downstream products only, never to a combiner")
                .extracting(ReadyJob::segment).containsExactlyElementsOf(all.stream().map(ReadyJob::segment).toList());
    }

    @Test
    void segmentZeroOnlyIsReadyWhileLaterSegmentsStillTransfer() throws SQLException {
        fixture.run(210, "physics").hosts(210, ALL_HOSTS).rawOnDisk(210, 1, ALL_STREAMS).raw(210, "ebdc01_0", 1, 0);

        assertThat(physics(RunSet.runs(210), Segments.FIRST_ONLY)).hasSize(5);
        assertThat(physics(RunSet.runs(210), Segments.ALL)).as("segment 1 of ebdc01_0 is still on its way").isEmpty();
    }

    @Test
    void cosmicsNeedOnlyTheLeafItselfWhilePhysicsNeedsEveryStream() throws SQLException {
        fixture.run(220, "cosmics").hosts(220, ALL_HOSTS).rawOnDisk(220, 1, "intt0", "ebdc00_1");
        fixture.run(221, "physics").hosts(221, ALL_HOSTS).rawOnDisk(221, 1, "intt0", "ebdc00_1");

        List<ReadyJob> cosmics = find(TestProducts.production(STREAMING, "cosmics", RunSet.range(220, 221),
                Segments.FIRST_ONLY, List.of()));

        assertThat(cosmics).extracting(ReadyJob::run, ReadyJob::leaf)
                .containsExactly(tuple(220, "ebdc00_1"), tuple(220, "intt0"));
        assertThat(cosmics.get(0).inputs()).as("no trigger file to add").containsExactly(rawName(220, "ebdc00_1", 0));
        assertThat(physics(RunSet.range(220, 221), Segments.FIRST_ONLY)).isEmpty();
    }

    @Test
    void runsComeInTheProductionsOrderAndOnlyFromItsRunSet() throws SQLException {
        for (int run : new int[] {230, 231, 232, 233, 234}) {
            completeRun(run, 1);
        }
        RunSet runs = RunSet.of(List.of(new RunRange(230, 231), new RunRange(233, 240)));

        List<ReadyJob> newest = physics(runs, Segments.FIRST_ONLY);
        List<ReadyJob> oldest = find(TestProducts.production(STREAMING, "physics", runs, Segments.FIRST_ONLY,
                List.of(), RunOrder.OLDEST_FIRST, OptionalInt.empty()));

        assertThat(newest).extracting(ReadyJob::run).containsSequence(234, 234, 234, 234, 234, 233).doesNotContain(232);
        assertThat(newest.stream().map(ReadyJob::run).distinct()).containsExactly(234, 233, 231, 230);
        assertThat(oldest.stream().map(ReadyJob::run).distinct()).containsExactly(230, 231, 233, 234);
    }

    @Test
    void theSinkCanStopTheScan() throws SQLException {
        for (int run = 240; run < 245; run++) {
            completeRun(run, 1);
        }
        List<ReadyJob> taken = new ArrayList<>();

        ReadinessSummary summary = readiness.find(ReadinessRequests.forProduction(
                TestProducts.production(STREAMING, "physics", RunSet.range(240, 244), Segments.FIRST_ONLY, List.of()),
                TestProducts.catalogue()), candidate -> {
                    taken.add(candidate);
                    return taken.size() < 7;
                });

        assertThat(taken).hasSize(7);
        assertThat(summary.stoppedEarly()).isTrue();
        assertThat(summary.candidates()).isEqualTo(7);
    }

    @Test
    void anEmptyRunSetAsksNothing() throws SQLException {
        ReadinessSummary summary = readiness.find(ReadinessRequests.forProduction(
                TestProducts.production(STREAMING, "physics", RunSet.EMPTY, Segments.ALL, List.of()),
                TestProducts.catalogue()), candidate -> true);

        assertThat(summary).isEqualTo(ReadinessSummary.NOTHING);
    }
}
