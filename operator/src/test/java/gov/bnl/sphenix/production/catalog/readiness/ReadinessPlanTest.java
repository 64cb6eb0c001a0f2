package gov.bnl.sphenix.production.catalog.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.catalog.seed.CatalogSeeder;
import gov.bnl.sphenix.production.catalog.seed.DaqStream;
import gov.bnl.sphenix.production.catalog.seed.SeedSpec;
import gov.bnl.sphenix.production.catalog.seed.SphenixDaq;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot readiness queries use the indexes at a realistic size: a synthetic catalog of 1,500
 * runs and ~400k raw files, a FileCatalog of ~200k outputs, a production over 300 of the runs.
 * A sequential scan of datasets or hostinfo here would be a scan of 7M+ rows in production.
 */
class ReadinessPlanTest {

    private static final int FIRST_RUN = SeedSpec.FIRST_RUN;
    private static final Tag STREAMING_TAG = Tag.parse("new_nocdbtag_v001");
    private static final List<String> BIG_TABLES = List.of("datasets", "hostinfo", "files", "filelist");

    private static Catalogs catalogs;
    private static RunSet productionRuns;

    @BeforeAll
    static void seed() throws SQLException {
        catalogs = TestPostgres.freshCatalogs();
        new CatalogSeeder(catalogs.daq(), catalogs.rawdata()).seed(SeedSpec.of(7, 1_500, 400_000), false);
        registerStreamingOutputs();
        productionRuns = RunSet.range(FIRST_RUN + 600, FIRST_RUN + 900);
    }

    /** Two segments of every tracking stream for 1,500 runs, under two tags. */
    private static void registerStreamingOutputs() throws SQLException {
        List<CatalogedOutput> outputs = new ArrayList<>();
        for (Tag tag : List.of(STREAMING_TAG, Tag.parse("new_nocdbtag_v002"))) {
            for (int run = FIRST_RUN; run < FIRST_RUN + 1_500; run++) {
                for (DaqStream stream : SphenixDaq.tracking()) {
                    for (int segment = 0; segment < 2; segment++) {
                        OutputFile file = OutputFile.ofLeaf("DST_STREAMING_EVENT", stream.name(), "run3auau", tag, run, segment);
                        outputs.add(new CatalogedOutput(file, "lustre", "/lustre/" + file.fileName(), 1, "md5", 1, 1, 1));
                    }
                }
            }
        }
        new BulkRegistrar(catalogs.fileCatalog(), catalogs.retry(), Clock.systemUTC(), 20_000).register(outputs);
        try (Connection c = catalogs.fileCatalog().getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) datasets");
            s.execute("VACUUM (ANALYZE) files");
        }
    }

    @AfterAll
    static void close() {
        catalogs.close();
    }

    private static RawRequest rawRequest() {
        List<String> leaves = SphenixDaq.tracking().stream().map(DaqStream::name).toList();
        return new RawRequest("DST_STREAMING_EVENT", productionRuns, RunOrder.NEWEST_FIRST,
                new RunCuts("physics", 100_000, Duration.ofMinutes(5)), SegmentWindow.FIRST_ONLY,
                true, leaves, List.of("gl1daq"), false);
    }

    private static DerivedRequest derivedRequest() {
        List<String> leaves = SphenixDaq.tracking().stream().map(DaqStream::name).toList();
        return new DerivedRequest("DST_TRKR_CLUSTER", productionRuns, RunOrder.NEWEST_FIRST,
                new RunCuts("physics", 100_000, Duration.ofMinutes(5)), SegmentWindow.ALL, "run3auau", STREAMING_TAG,
                List.of(new DerivedRequest.Upstream("DST_STREAMING_EVENT", true, leaves, true)), false);
    }

    private static int[] chunkOfRuns() {
        return IntStream.range(0, Readiness.CHUNK_RUNS).map(i -> productionRuns.last().orElseThrow() - i).toArray();
    }

    @Test
    void qualifiedRunsReadHostinfoByIndex() throws Exception {
        List<String[]> nodes;
        try (Connection c = catalogs.daq().getConnection();
             PreparedStatement s = c.prepareStatement("EXPLAIN (FORMAT JSON) " + QualifiedRuns.sql(RunOrder.NEWEST_FIRST))) {
            QualifiedRuns.bind(s, c, rawRequest());
            nodes = planNodes(s);
        }
        assertNoBigSeqScan(nodes);
        assertThat(nodes).anySatisfy(node -> assertThat(node[1]).isEqualTo("hostinfo"));
    }

    @Test
    void rawFilesOfAChunkAreReadByTheReadinessIndex() throws Exception {
        List<String[]> nodes;
        try (Connection c = catalogs.rawdata().getConnection();
             PreparedStatement s = c.prepareStatement("EXPLAIN (FORMAT JSON) " + RawFiles.sql(RunOrder.NEWEST_FIRST))) {
            RawFiles.bind(s, c, rawRequest(), chunkOfRuns());
            nodes = planNodes(s);
        }
        assertNoBigSeqScan(nodes);
        assertThat(nodes).anySatisfy(node -> assertThat(node[2]).isEqualTo("datasets_run_segment_host_idx"));
    }

    @Test
    void upstreamOutputsOfAChunkAreReadByTheProductIndex() throws Exception {
        List<String[]> nodes;
        try (Connection c = catalogs.fileCatalog().getConnection();
             PreparedStatement s = c.prepareStatement("EXPLAIN (FORMAT JSON) " + ParentOutputs.sql(RunOrder.NEWEST_FIRST))) {
            ParentOutputs.bind(s, c, derivedRequest(), chunkOfRuns());
            nodes = planNodes(s);
        }
        assertNoBigSeqScan(nodes);
        assertThat(nodes).anySatisfy(node -> assertThat(node[2]).isEqualTo("datasets_dataset_tag_run_idx"));
    }

    @Test
    void theScanFindsWhatTheSeededCatalogHolds() throws SQLException {
        Readiness readiness = Readiness.of(catalogs);
        List<Candidate> raw = new ArrayList<>();
        List<Candidate> derived = new ArrayList<>();

        readiness.find(rawRequest(), raw::add);
        readiness.find(derivedRequest(), derived::add);

        assertThat(raw).isNotEmpty().allSatisfy(c -> assertThat(productionRuns.contains(c.run())).isTrue());
        assertThat(derived).isNotEmpty().allSatisfy(c -> assertThat(c.inputs()).isNotEmpty());
    }

    private static void assertNoBigSeqScan(List<String[]> nodes) {
        assertThat(nodes).as("plan nodes (type, relation, index)")
                .noneMatch(node -> node[0].equals("Seq Scan") && BIG_TABLES.contains(node[1]));
    }

    /** (node type, relation, index) of every node of the plan. */
    private static List<String[]> planNodes(PreparedStatement explain) throws SQLException, IOException {
        String json;
        try (ResultSet rs = explain.executeQuery()) {
            rs.next();
            json = rs.getString(1);
        }
        List<String[]> nodes = new ArrayList<>();
        collect(new ObjectMapper().readTree(json).get(0).get("Plan"), nodes);
        return nodes;
    }

    private static void collect(JsonNode plan, List<String[]> nodes) {
        nodes.add(new String[] {plan.path("Node Type").asText(), plan.path("Relation Name").asText(),
                plan.path("Index Name").asText()});
        for (JsonNode child : plan.path("Plans")) {
            collect(child, nodes);
        }
    }
}
