package gov.bnl.sphenix.production.catalog.readiness;

import static gov.bnl.sphenix.production.catalog.testing.CatalogFixture.outputName;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.CLUSTER;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.DATASET;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAMING;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAMING_LEAVES;
import static gov.bnl.sphenix.production.catalog.testing.TestProducts.STREAM_QA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.CatalogFixture;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.catalog.testing.TestProducts;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Readiness of products made from other products' outputs: groups by (run, segment), complete over the leaves. */
class DerivedReadinessTest {

    private static final String RAW_TAG = TestProducts.RAW_TAG.toString();
    private static final String[] ALL_HOSTS = {"ebdc00", "ebdc01", "intt0", "gl1daq"};

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

    private static List<ReadyJob> clusters(RunSet runs, Segments segments, String... masks) throws SQLException {
        return find(TestProducts.production(CLUSTER, "physics", runs, segments, List.of(masks)));
    }

    /** Streaming outputs of every leaf except {@code missing}, for segments {@code 0..segments-1}. */
    private static void streamingOutputs(int run, int segments, String... missing) throws SQLException {
        for (int segment = 0; segment < segments; segment++) {
            for (String leaf : STREAMING_LEAVES) {
                if (!List.of(missing).contains(leaf)) {
                    fixture.output(run, segment, STREAMING + "_" + leaf, DATASET, RAW_TAG, 1);
                }
            }
        }
    }

    @Test
    void aSegmentWithEveryStreamsOutputIsOneJobReadingThemAll() throws SQLException {
        fixture.run(300, "physics").hosts(300, ALL_HOSTS);
        streamingOutputs(300, 2);

        List<ReadyJob> found = clusters(RunSet.runs(300), Segments.ALL);

        assertThat(found).extracting(ReadyJob::run, ReadyJob::segment, ReadyJob::leaf)
                .containsExactly(tuple(300, 0, ""), tuple(300, 1, ""));
        assertThat(found.get(1).inputs()).containsExactlyElementsOf(STREAMING_LEAVES.stream()
                .map(leaf -> outputName(300, 1, STREAMING + "_" + leaf, DATASET, RAW_TAG)).toList());
    }

    @Test
    void anIncompleteGroupWaits() throws SQLException {
        fixture.run(310, "physics").hosts(310, ALL_HOSTS);
        streamingOutputs(310, 1);
        for (String leaf : STREAMING_LEAVES) {
            if (!leaf.equals("ebdc01_0")) {   // segment 1 lacks ebdc01_0
                fixture.output(310, 1, STREAMING + "_" + leaf, DATASET, RAW_TAG, 1);
            }
        }

        assertThat(clusters(RunSet.runs(310), Segments.ALL)).extracting(ReadyJob::segment).containsExactly(0);
    }

    @Test
    void aMaskedLeafIsNotWaitedFor() throws SQLException {
        fixture.run(320, "physics").hosts(320, ALL_HOSTS);
        streamingOutputs(320, 1, "intt0");

        assertThat(clusters(RunSet.runs(320), Segments.ALL)).isEmpty();
        assertThat(clusters(RunSet.runs(320), Segments.ALL, "INTT0")).singleElement()
                .satisfies(c -> assertThat(c.inputs()).hasSize(4));
    }

    @Test
    void aHostThatSatTheRunOutIsNotWaitedFor() throws SQLException {
        fixture.run(330, "physics").hosts(330, "ebdc00", "ebdc01", "gl1daq");   // no intt0 in this run
        streamingOutputs(330, 1, "intt0");

        assertThat(clusters(RunSet.runs(330), Segments.ALL)).singleElement()
                .satisfies(c -> assertThat(c.inputs()).hasSize(4));
    }

    @Test
    void outputsOfAnotherTagOrDatasetOrBadOnesDoNotCount() throws SQLException {
        fixture.run(340, "physics").hosts(340, ALL_HOSTS);
        for (String leaf : STREAMING_LEAVES) {
            fixture.output(340, 0, STREAMING + "_" + leaf, DATASET, "new_nocdbtag_v002", 1);
            fixture.output(340, 1, STREAMING + "_" + leaf, "run3pp", RAW_TAG, 1);
            fixture.output(340, 2, STREAMING + "_" + leaf, DATASET, RAW_TAG, leaf.equals("intt0") ? 0 : 1);
        }

        assertThat(clusters(RunSet.runs(340), Segments.ALL)).isEmpty();
    }

    @Test
    void segmentZeroOnlyTakesTheFirstGroup() throws SQLException {
        fixture.run(350, "physics").hosts(350, ALL_HOSTS);
        streamingOutputs(350, 3);

        assertThat(clusters(RunSet.runs(350), Segments.FIRST_ONLY)).extracting(ReadyJob::segment).containsExactly(0);
    }

    @Test
    void cutSegmentKeepsEveryNthSegmentAsSphenixprodDoes() throws SQLException {
        fixture.run(355, "physics").hosts(355, ALL_HOSTS);
        streamingOutputs(355, 7);

        List<ReadyJob> everyThird = find(TestProducts.production(CLUSTER, "physics", RunSet.runs(355), Segments.ALL,
                List.of(), RunOrder.NEWEST_FIRST, OptionalInt.of(3)));

        assertThat(everyThird).as("segment %% 3 == 0, not the segments below 3")
                .extracting(ReadyJob::segment).containsExactlyInAnyOrder(0, 3, 6);
    }

    @Test
    void anInputThatNeedsAnyLeafIsHappyWithOne() throws SQLException {
        fixture.run(360, "physics").hosts(360, ALL_HOSTS);
        fixture.output(360, 0, STREAMING + "_intt0", DATASET, RAW_TAG, 1);

        List<ReadyJob> found = find(TestProducts.production(STREAM_QA, "physics", RunSet.runs(360), Segments.ALL, List.of()));

        assertThat(found).singleElement().satisfies(c -> assertThat(c.inputs())
                .containsExactly(outputName(360, 0, STREAMING + "_intt0", DATASET, RAW_TAG)));
        assertThat(clusters(RunSet.runs(360), Segments.ALL)).isEmpty();
    }

    @Test
    void cosmicsRelaxEveryLeafToAnyLeaf() throws SQLException {
        fixture.run(370, "cosmics").hosts(370, ALL_HOSTS);
        fixture.output(370, 0, STREAMING + "_ebdc00_0", DATASET, RAW_TAG, 1);
        fixture.output(370, 0, STREAMING + "_intt0", DATASET, RAW_TAG, 1);

        List<ReadyJob> found = find(TestProducts.production(CLUSTER, "cosmics", RunSet.runs(370), Segments.ALL, List.of()));

        assertThat(found).singleElement().satisfies(c -> assertThat(c.inputs()).hasSize(2));
    }

    @Test
    void runCutsApplyToDerivedProductsToo() throws SQLException {
        fixture.run(380, "physics", 10_000, java.time.Duration.ofHours(1)).hosts(380, ALL_HOSTS);
        streamingOutputs(380, 1);

        assertThat(clusters(RunSet.runs(380), Segments.ALL)).isEmpty();
    }
}
