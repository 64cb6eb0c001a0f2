package gov.bnl.sphenix.production.catalog.readiness;

import static gov.bnl.sphenix.production.catalog.testing.CatalogFixture.outputName;
import static gov.bnl.sphenix.production.catalog.testing.CatalogFixture.rawName;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.CLUSTER;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.DATASET;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAMING;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAMING_LEAVES;
import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.CatalogFixture;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.catalog.testing.TestProducts;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Readiness with a memory, against a real PostgreSQL: every change of a run's inputs is seen by the
 * next pass, an unchanged run's rows are not read again, and what a pass hands out is what a pass
 * without memory would. Each test owns its run numbers.
 */
class RememberingReadinessTest {

    private static final String[] ALL_HOSTS = {"ebdc00", "ebdc01", "intt0", "gl1daq"};
    private static final String[] ALL_STREAMS = {"ebdc00_0", "ebdc00_1", "ebdc01_0", "ebdc01_1", "intt0", "gl1daq"};
    private static final String RAW_TAG = TestProducts.RAW_TAG.toString();
    private static final String OUTPUT_STATUS = "UPDATE datasets SET status = ? WHERE filename = ?";

    private static Catalogs catalogs;
    private static CatalogFixture fixture;
    private static Readiness fresh;

    @BeforeAll
    static void open() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        fixture = new CatalogFixture(catalogs);
        fresh = Readiness.of(catalogs);
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    /** One pass: what it handed out and its summary. */
    private record Pass(List<ReadyJob> found, ReadinessSummary summary) {
    }

    private static ReadinessRequest streaming(RunSet runs) {
        return ReadinessRequests.forProduction(TestProducts.production(STREAMING, "physics", runs, Segments.ALL, List.of()),
                TestProducts.catalogue());
    }

    private static ReadinessRequest clusters(RunSet runs) {
        return ReadinessRequests.forProduction(TestProducts.production(CLUSTER, "physics", runs, Segments.ALL, List.of()),
                TestProducts.catalogue());
    }

    private static Pass pass(Readiness readiness, ReadinessRequest request) throws SQLException {
        return pass(readiness, request, job -> true);
    }

    private static Pass pass(Readiness readiness, ReadinessRequest request, Predicate<ReadyJob> remember) throws SQLException {
        List<ReadyJob> found = new ArrayList<>();
        ReadinessSummary summary = readiness.find(request, new ReadyJobSink() {
            @Override
            public boolean accept(ReadyJob job) {
                return found.add(job);
            }

            @Override
            public boolean remember(ReadyJob job) {
                return remember.test(job);
            }
        });
        return new Pass(found, summary);
    }

    /** The pass with memory hands out exactly what a pass without memory hands out now. */
    private static Pass sameAsFresh(Readiness remembering, ReadinessRequest request) throws SQLException {
        Pass remembered = pass(remembering, request);
        assertThat(remembered.found()).as("what a pass without memory finds").isEqualTo(pass(fresh, request).found());
        return remembered;
    }

    private static void completeRun(int run, int segments) throws SQLException {
        fixture.run(run, "physics").hosts(run, ALL_HOSTS).rawOnDisk(run, segments, ALL_STREAMS);
    }

    private static Readiness remembering() {
        return fresh.remembering(new ReadinessMemory(ReadinessMemory.DEFAULT_CANDIDATES));
    }

    @Test
    void anUnchangedRunIsRecalledAndAChangedOneReadAgain() throws SQLException {
        completeRun(700, 2);
        completeRun(701, 2);
        Readiness readiness = remembering();
        ReadinessRequest request = streaming(RunSet.range(700, 701));

        Pass first = sameAsFresh(readiness, request);
        assertThat(first.summary().runsRemembered()).isZero();
        assertThat(first.found()).hasSize(2 * 2 * STREAMING_LEAVES.size());

        Pass unchanged = sameAsFresh(readiness, request);
        assertThat(unchanged.summary().runsRemembered()).as("nothing changed: no run read").isEqualTo(2);

        fixture.raw(701, "gl1daq", 2, 1);   // the trigger's segment 2 arrives
        Pass changed = sameAsFresh(readiness, request);
        assertThat(changed.summary().runsRead()).as("only run 701 changed").isEqualTo(1);
        assertThat(changed.summary().runsRemembered()).isEqualTo(1);
    }

    @Test
    void aNewSegmentIsSeenByTheNextPass() throws SQLException {
        completeRun(710, 1);
        Readiness readiness = remembering();
        ReadinessRequest request = streaming(RunSet.runs(710));
        assertThat(sameAsFresh(readiness, request).found()).extracting(ReadyJob::segment).containsOnly(0);

        for (String stream : ALL_STREAMS) {
            fixture.raw(710, stream, 1, 1);
        }

        Pass next = sameAsFresh(readiness, request);
        assertThat(next.found()).extracting(ReadyJob::segment).containsOnly(0, 1);
        assertThat(next.summary().runsRead()).isEqualTo(1);
    }

    @Test
    void aFileTurningBadAndGoodAgainIsSeen() throws SQLException {
        completeRun(720, 2);
        Readiness readiness = remembering();
        ReadinessRequest request = streaming(RunSet.runs(720));
        sameAsFresh(readiness, request);

        fixture.rawStatus(720, "intt0", 1, -1);
        assertThat(sameAsFresh(readiness, request).found()).as("a bad file gets no job")
                .doesNotContain(new ReadyJob(720, 1, "intt0", List.of(rawName(720, "intt0", 1),
                        rawName(720, "gl1daq", 0), rawName(720, "gl1daq", 1))))
                .hasSize(2 * STREAMING_LEAVES.size() - 1);

        fixture.rawStatus(720, "intt0", 1, 1);
        assertThat(sameAsFresh(readiness, request).found()).hasSize(2 * STREAMING_LEAVES.size());
    }

    @Test
    void aFileArrivingOnDiskMakesTheRunReady() throws SQLException {
        fixture.run(730, "physics").hosts(730, ALL_HOSTS)
                .rawOnDisk(730, 1, "ebdc00_0", "ebdc01_0", "ebdc01_1", "intt0", "gl1daq")
                .raw(730, "ebdc00_1", 0, 0);
        Readiness readiness = remembering();
        ReadinessRequest request = streaming(RunSet.runs(730));
        assertThat(sameAsFresh(readiness, request).found()).isEmpty();
        assertThat(sameAsFresh(readiness, request).summary().runsRemembered()).isEqualTo(1);

        fixture.rawStatus(730, "ebdc00_1", 0, 1);

        assertThat(sameAsFresh(readiness, request).found()).hasSize(STREAMING_LEAVES.size());
    }

    @Test
    void aHostJoiningTheRunInTheDaqDatabaseIsSeen() throws SQLException {
        fixture.run(740, "physics").hosts(740, "ebdc00", "ebdc01", "gl1daq").rawOnDisk(740, 1, ALL_STREAMS);
        Readiness readiness = remembering();
        ReadinessRequest request = streaming(RunSet.runs(740));
        assertThat(sameAsFresh(readiness, request).found()).extracting(ReadyJob::leaf).doesNotContain("intt0");

        fixture.hosts(740, "intt0");

        assertThat(sameAsFresh(readiness, request).found()).extracting(ReadyJob::leaf).contains("intt0");
    }

    @Test
    void anUpstreamOutputTurningBadIsSeenByADerivedProduct() throws SQLException {
        fixture.run(750, "physics").hosts(750, ALL_HOSTS);
        for (int segment = 0; segment < 2; segment++) {
            for (String leaf : STREAMING_LEAVES) {
                fixture.output(750, segment, STREAMING + "_" + leaf, DATASET, RAW_TAG, 1);
            }
        }
        Readiness readiness = remembering();
        ReadinessRequest request = clusters(RunSet.runs(750));
        assertThat(sameAsFresh(readiness, request).found()).extracting(ReadyJob::segment).containsExactly(0, 1);

        setOutputStatus(outputName(750, 1, STREAMING + "_intt0", DATASET, RAW_TAG), 0);

        Pass next = sameAsFresh(readiness, request);
        assertThat(next.found()).extracting(ReadyJob::segment).containsExactly(0);
        assertThat(next.summary().runsRead()).isEqualTo(1);
    }

    @Test
    void aRunNoLongerPassingTheCutsIsForgotten() throws SQLException {
        completeRun(760, 1);
        ReadinessMemory memory = new ReadinessMemory(ReadinessMemory.DEFAULT_CANDIDATES);
        Readiness readiness = fresh.remembering(memory);
        pass(readiness, streaming(RunSet.runs(760)));
        assertThat(memory.held()).isEqualTo(1 + STREAMING_LEAVES.size());

        pass(readiness, streaming(RunSet.runs(761)));   // the production's runs no longer include 760

        assertThat(memory.held()).as("run 760 was not seen by a complete pass").isZero();
    }

    @Test
    void jobsTheSinkCallsDoneAreNotHeldAndLeftOutWhileTheRunIsUnchanged() throws SQLException {
        completeRun(770, 1);
        ReadinessMemory memory = new ReadinessMemory(ReadinessMemory.DEFAULT_CANDIDATES);
        Readiness readiness = fresh.remembering(memory);
        ReadinessRequest request = streaming(RunSet.runs(770));
        Predicate<ReadyJob> notIntt = job -> !job.leaf().equals("intt0");

        assertThat(pass(readiness, request, notIntt).found()).hasSize(STREAMING_LEAVES.size());
        assertThat(memory.held()).isEqualTo(STREAMING_LEAVES.size());   // the run, and every job but intt0's
        assertThat(pass(readiness, request).found()).extracting(ReadyJob::leaf).doesNotContain("intt0")
                .hasSize(STREAMING_LEAVES.size() - 1);

        fixture.raw(770, "gl1daq", 1, 1);   // the run changes: it is decided afresh, intt0's job with it
        assertThat(sameAsFresh(readiness, request).found()).extracting(ReadyJob::leaf).contains("intt0");
    }

    @Test
    void runsBeyondTheMemorysBoundAreReadAgain() throws SQLException {
        completeRun(780, 1);
        completeRun(781, 1);
        ReadinessMemory memory = new ReadinessMemory(1 + STREAMING_LEAVES.size());   // room for one run
        Readiness readiness = fresh.remembering(memory);
        ReadinessRequest request = streaming(RunSet.range(780, 781));
        sameAsFresh(readiness, request);

        Pass next = sameAsFresh(readiness, request);

        assertThat(memory.held()).isEqualTo(1 + STREAMING_LEAVES.size());
        assertThat(next.summary().runsRemembered()).isEqualTo(1);
        assertThat(next.summary().runsRead()).isEqualTo(1);
    }

    @Test
    void theRowsOfAnUnchangedRunAreNotQueried() throws SQLException {
        completeRun(790, 1);
        completeRun(791, 1);
        completeRun(792, 1);
        RawRequest request = (RawRequest) streaming(RunSet.range(790, 792));
        ReadinessMemory memory = new ReadinessMemory(ReadinessMemory.DEFAULT_CANDIDATES);
        RecordingFiles files = new RecordingFiles(new RawFiles(request));
        scan(request, files, memory);
        assertThat(files.queried).singleElement().satisfies(runs -> assertThat(runs).containsExactlyInAnyOrder(790, 791, 792));

        fixture.raw(791, "gl1daq", 1, 1);
        files.queried.clear();
        scan(request, files, memory);

        assertThat(files.queried).as("the rows of run 791 alone").containsExactly(List.of(791));
        assertThat(files.signed).as("every run's signature, each pass").hasSize(2)
                .allSatisfy(runs -> assertThat(runs).containsExactlyInAnyOrder(790, 791, 792));
    }

    private static void scan(RawRequest request, RecordingFiles files, ReadinessMemory memory) throws SQLException {
        new ReadinessScan<>(catalogs.daq(), catalogs.rawdata(), files, new RawRunEvaluator(request), 10, memory, request)
                .run(request, job -> true, new ScanProgress(request.order()));
    }

    /** The real raw-file query, noting the runs whose rows and whose signatures it was asked for. */
    private static final class RecordingFiles implements ChunkQuery<RawFile> {
        private final RawFiles files;
        private final List<List<Integer>> queried = new ArrayList<>();
        private final List<List<Integer>> signed = new ArrayList<>();

        RecordingFiles(RawFiles files) {
            this.files = files;
        }

        @Override
        public RowCursor<RawFile> open(Connection connection, int[] runs) throws SQLException {
            queried.add(Arrays.stream(runs).boxed().toList());
            return files.open(connection, runs);
        }

        @Override
        public Map<Integer, RunSignature> signatures(Connection connection, int[] runs) throws SQLException {
            signed.add(Arrays.stream(runs).boxed().toList());
            return files.signatures(connection, runs);
        }
    }

    private static void setOutputStatus(String filename, int status) throws SQLException {
        try (Connection c = catalogs.fileCatalog().getConnection(); PreparedStatement s = c.prepareStatement(OUTPUT_STATUS)) {
            s.setInt(1, status);
            s.setString(2, filename);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
