package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.MemoryLadder;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RemovalPolicy;
import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.Segments;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.names.Tag;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The golden test: the example repository validates, and what it declares is what the loader resolves. */
class ProductionSpecsTest {

    private static ValidationReport report;
    private static SpecRepository specs;

    @BeforeAll
    static void load() {
        report = SpecLoader.load(new DirectoryTree(RepositoryFiles.productionSpecs()));
        specs = report.repository().orElse(null);
    }

    @Test
    void everyFileOfTheExampleRepositoryValidates() {
        assertThat(report.errors()).as("errors in production-specs").isEmpty();
        assertThat(specs).isNotNull();
        assertThat(report.filesRead()).isGreaterThanOrEqualTo(14);
        assertThat(specs.productions()).hasSize(10);
        assertThat(specs.ruleSets()).hasSize(3);
        // only the deprecated keys of today's rule files that no one reads any more say so: every other key is used
        assertThat(report.warnings()).hasSize(2).allSatisfy(w -> assertThat(w.message()).contains("ignored (deprecated)"));
    }

    @Test
    void runSelectionsResolveRangesExclusionsAndRunListFiles() {
        Production streaming = specs.production("run3auau-streaming-physics").orElseThrow();
        assertThat(streaming.runs().contains(66499)).isTrue();
        assertThat(streaming.runs().contains(66500)).isFalse();
        assertThat(streaming.runs().contains(66605)).isFalse();
        assertThat(streaming.order()).isEqualTo(RunOrder.NEWEST_FIRST);

        Production golden = specs.production("run3auau-calofitting-golden").orElseThrow();
        assertThat(golden.runs()).isEqualTo(RunSet.runs(66520, 66522, 66525, 66530, 66531, 66540, 66545, 66550));

        Production triggered = specs.production("run3auau-triggered-physics").orElseThrow();
        assertThat(triggered.runs()).isEqualTo(RunSet.range(66456, 70000).union(RunSet.range(72000, 79999)));
        assertThat(triggered.order()).isEqualTo(RunOrder.OLDEST_FIRST);
    }

    @Test
    void overridesAndDefaultsAreApplied() {
        Production triggered = specs.production("run3auau-triggered-physics").orElseThrow();
        assertThat(triggered.priority()).isEqualTo(4000);
        assertThat(triggered.segments()).isEqualTo(Segments.FIRST_ONLY);
        assertThat(triggered.memory()).isEqualTo(MemoryLadder.of(2024));

        Production seed = specs.production("run3auau-seed-physics").orElseThrow();
        assertThat(seed.memory()).isEqualTo(MemoryLadder.of(3072, 6144, 9216));
        assertThat(seed.rule().job().memory()).isEqualTo(MemoryLadder.of(2048, 4096));
        assertThat(seed.onRemoval()).isEqualTo(new RemovalPolicy(RemovalPolicy.Action.KILL_AND_DELETE_OUTPUTS,
                Duration.ofHours(24)));
        assertThat(seed.limits().maxQueued()).isEqualTo(10_000);

        assertThat(specs.production("run3auau-tracks-physics").orElseThrow().submit()).isFalse();
        // Raw combiner with combine_seg0_only: segment 0 by default; downstream products: all segments.
        assertThat(specs.production("run3cosmics-streaming").orElseThrow().segments()).isEqualTo(Segments.FIRST_ONLY);
        assertThat(specs.production("run3cosmics-cluster").orElseThrow().segments()).isEqualTo(Segments.ALL);
        assertThat(specs.production("run3auau-streaming-physics").orElseThrow().onRemoval().action())
                .isEqualTo(RemovalPolicy.Action.KILL);
    }

    @Test
    void namespacesTagsAndInlineRules() {
        Production cluster = specs.production("run3auau-cluster-physics").orElseThrow();
        assertThat(cluster.namespace().tag()).isEqualTo(Tag.of("ana.523", "2025p007", 1));
        assertThat(cluster.rule().input().intriplet()).contains(Tag.parse("ana523_nocdbtag_v001"));
        assertThat(cluster.ruleSetFile()).contains("rules/run3auau/tracking_physics_ana523_2025p007_v001.yaml");
        assertThat(cluster.masks()).containsExactly("TPC17", "INTT3");

        Production jets = specs.production("run3auau-jets-golden").orElseThrow();
        assertThat(jets.ruleSetFile()).isEmpty();
        assertThat(jets.rule().job().payload()).containsExactly("rules/run3auau/calo_code/*");
        assertThat(jets.onRemoval().action()).isEqualTo(RemovalPolicy.Action.KEEP);

        Production cosmics = specs.production("run3cosmics-streaming").orElseThrow();
        assertThat(cosmics.namespace().tag()).hasToString("new_nocdbtag_v000");
        assertThat(cosmics.namespace().dataset()).isEqualTo("run3cosmics");
    }

    @Test
    void rerunTokensApplyToTheirRunsOnly() {
        Production cluster = specs.production("run3auau-cluster-physics").orElseThrow();
        assertThat(cluster.rerunTokenFor(66720)).isEqualTo("tpc-gain-fix-2025-06-01");
        assertThat(cluster.rerunTokenFor(66800)).isEmpty();
    }

    @Test
    void theCatalogueDescribesTheChains() {
        var catalogue = specs.catalogue();
        assertThat(catalogue.product("DST_STREAMING_EVENT").orElseThrow().leaves())
                .hasSize(24 * 2 + 8 + 6 + 1)
                .contains("ebdc00_0", "ebdc23_1", "intt7", "mvtx5", "ebdc39");
        assertThat(catalogue.product("DST_TRIGGERED_EVENT").orElseThrow().leaves()).hasSize(21).contains("seb00", "seb20");
        assertThat(catalogue.product("DST_TRIGGERED_EVENT").orElseThrow().requiredHosts()).containsExactly("gl1daq");
        assertThat(catalogue.maskedLeaves("DST_STREAMING_EVENT", java.util.List.of("TPC17", "INTT3", "TPOT")))
                .containsExactlyInAnyOrder("ebdc17_0", "ebdc17_1", "intt3", "ebdc39");
        assertThat(catalogue.product("DST_STREAMING_EVENT").orElseThrow().anyLeafSuffices("cosmics")).isTrue();
        assertThat(catalogue.product("DST_STREAMING_EVENT").orElseThrow().anyLeafSuffices("physics")).isFalse();
        var order = catalogue.topologicalOrder();
        assertThat(order.indexOf("DST_TRKR_CLUSTER")).isLessThan(order.indexOf("DST_TRKR_SEED"));
        assertThat(order.indexOf("DST_TRKR_SEED")).isLessThan(order.indexOf("DST_TRKR_TRACKS"));
        assertThat(order.indexOf("DST_CALO")).isLessThan(order.indexOf("DST_JETS"));
    }

    @Test
    void theSpecHashChangesWithTheSpec() {
        Production a = specs.production("run3auau-seed-physics").orElseThrow();
        Production b = specs.production("run3auau-cluster-physics").orElseThrow();
        assertThat(a.specHash()).hasSize(24).isNotEqualTo(b.specHash());
        assertThat(SpecLoader.load(new DirectoryTree(RepositoryFiles.productionSpecs())).repository().orElseThrow()
                .production("run3auau-seed-physics").orElseThrow().specHash()).isEqualTo(a.specHash());
    }

    @Test
    void diagnosticsPrintLikeCompilerMessages() {
        Diagnostic d = report.warnings().get(0);
        assertThat(d.toString()).matches("rules/[^:]+\\.yaml:\\d+:\\d+: warning: .+ — .+");
    }
}
