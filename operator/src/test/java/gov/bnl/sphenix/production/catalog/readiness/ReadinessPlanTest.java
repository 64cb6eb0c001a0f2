package gov.bnl.sphenix.production.catalog.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.catalog.CopyWriter;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.tools.seed.CatalogSeeder;
import gov.bnl.sphenix.production.tools.seed.DaqStream;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.seed.SphenixDaq;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot readiness queries use the indexes at a realistic size: a synthetic catalog of 1,500
 * runs and ~400k raw files, a FileCatalog of ~950k outputs, a production over 300 of the runs.
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

    /**
     * Segment 0 of every tracking stream for 2,500 runs, under three tags in two datasets: ~950k
     * outputs, of which one production's upstream (one dataset, one tag) is a sixth, as in a
     * FileCatalog that holds years of productions. Written with COPY: registration is not under test here.
     */
    private static void registerStreamingOutputs() throws SQLException {
        try (Connection c = catalogs.fileCatalog().getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter copy = new CopyWriter(c, """
                    COPY datasets (filename, runnumber, segment, size, dataset, dsttype, events, firstevent, lastevent,
                                   tag, status) FROM STDIN""")) {
                for (String dataset : List.of("run3auau", "run3pp")) {
                    for (String version : List.of("v001", "v002", "v003")) {
                        Tag tag = Tag.parse("new_nocdbtag_" + version);
                        for (int run = FIRST_RUN; run < FIRST_RUN + 2_500; run++) {
                            for (DaqStream stream : SphenixDaq.tracking()) {
                                for (int segment = 0; segment < 1; segment++) {
                                    OutputFile file = OutputFile.ofLeaf("DST_STREAMING_EVENT", stream.name(), dataset,
                                            tag, run, segment);
                                    copy.text(file.fileName()).number(run).number(segment).number(1).text(dataset)
                                            .text(file.product()).number(1).number(1).number(1).text(tag.toString())
                                            .number(1).endRow();
                                }
                            }
                        }
                    }
                }
                copy.finish();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) datasets");
            }
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
        assertThat(nodes).anySatisfy(node -> assertThat(node[2]).isEqualTo("datasets_run_segment_idx"));
    }

    @Test
    void rawFileSignaturesOfAChunkAreSummedByTheReadinessIndex() throws Exception {
        List<String[]> nodes = explain(catalogs.rawdata(), RawFiles.signatureSql(),
                (s, c) -> RawFiles.bind(s, c, rawRequest(), chunkOfRuns()));
        assertNoBigSeqScan(nodes);
        // The index holds every column the signature sums, so on a vacuumed catalog the scan is
        // index-only (the catalog benchmark measures it at size); on this small one the planner may
        // as well take a bitmap of the same index, depending on the visibility map at the moment.
        assertThat(nodes).anySatisfy(node -> assertThat(node[2]).isEqualTo("datasets_run_segment_idx"));
    }

    @Test
    void upstreamOutputSignaturesOfAChunkAreReadByTheProductIndex() throws Exception {
        List<String[]> nodes = explain(catalogs.fileCatalog(), ParentOutputs.signatureSql(),
                (s, c) -> ParentOutputs.bind(s, c, derivedRequest(), chunkOfRuns()));
        assertNoBigSeqScan(nodes);
        assertThat(nodes).anySatisfy(node -> assertThat(node[2]).isEqualTo("datasets_dataset_tag_run_idx"));
    }

    /** Binds a statement's parameters on its connection. */
    @FunctionalInterface
    private interface Binding {
        void bind(PreparedStatement statement, Connection connection) throws SQLException;
    }

    private static List<String[]> explain(DataSource database, String sql, Binding binding) throws SQLException, IOException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
            binding.bind(s, c);
            return planNodes(s);
        }
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
        List<ReadyJob> raw = new ArrayList<>();
        List<ReadyJob> derived = new ArrayList<>();

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
