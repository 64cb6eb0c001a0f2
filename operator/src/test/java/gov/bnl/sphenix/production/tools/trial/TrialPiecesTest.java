package gov.bnl.sphenix.production.tools.trial;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import gov.bnl.sphenix.production.tools.seed.DaqStream;
import gov.bnl.sphenix.production.tools.seed.SphenixDaq;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pieces of a try: its DAQ streams, its production files, its runs. */
class TrialPiecesTest {

    @TempDir
    Path tmp;

    private final ProductCatalogue catalogue = SpecLoader.load(new DirectoryTree(RepositoryFiles.productionSpecs()))
            .repository().orElseThrow().catalogue();

    @Test
    void theStreamsAreTheLeavesAndRequiredHostsOfTheCatalogue() {
        List<DaqStream> streams = CatalogueStreams.of(catalogue).of("physics");

        assertThat(streams).extracting(DaqStream::name)
                .as("the example catalogue declares the whole sPHENIX DAQ")
                .containsExactlyInAnyOrderElementsOf(SphenixDaq.all().stream().map(DaqStream::name).toList());
        assertThat(streams).filteredOn(s -> s.name().equals("ebdc07_1")).singleElement()
                .satisfies(s -> assertThat(s.host()).isEqualTo("ebdc07"))
                .satisfies(s -> assertThat(s.serverId()).isEqualTo(1))
                .satisfies(s -> assertThat(s.detector()).isEqualTo("TPC"));
        assertThat(streams).filteredOn(s -> s.name().equals("ebdc39")).singleElement()
                .satisfies(s -> assertThat(s.detector()).as("the longest host prefix wins").isEqualTo("TPOT"));
        assertThat(streams).filteredOn(s -> s.name().equals("seb05")).singleElement()
                .satisfies(s -> assertThat(s.detector()).as("no detector: the host's letters").isEqualTo("SEB"));
    }

    @Test
    void aTriedProductionSelectsItsRunsUnderItsSuffixedNameAndSubmitsKeepingTheRest() throws IOException {
        String original = Files.readString(RepositoryFiles.productionSpecs()
                .resolve("productions/run3auau/tracks-physics.yaml"));

        String tried = ProductionRewrite.rewrite(original, RunSet.runs(66120, 66123), "-x1");

        Path specs = RepositoryFiles.copyOfProductionSpecs(tmp.resolve("specs"));
        Files.writeString(specs.resolve("productions/run3auau/tracks-physics.yaml"), tried);
        var production = SpecLoader.load(new DirectoryTree(specs)).repository().orElseThrow()
                .production("run3auau-tracks-physics-x1").orElseThrow();
        assertThat(production.runs()).isEqualTo(RunSet.runs(66120, 66123));
        assertThat(production.submit()).as("declared with submit: off").isTrue();
        assertThat(production.rule().name()).isEqualTo("Full_TRKR_TRACKS_run3physics");
        assertThat(production.harvest()).isTrue();
    }

    @Test
    void aRuleBecomesAProductionOfAValidName() {
        assertThat(SpecsToTry.productionName("Full_TRKR_CLUSTER_run3physics")).isEqualTo("full-trkr-cluster-run3physics");
        assertThat(SpecsToTry.productionName("__x__")).isEqualTo("x");
        assertThat(SpecsToTry.productionName("A".repeat(70) + "_b")).hasSize(63);
    }

    @Test
    void aTryLeavesOutTheRunsTheOperatorsStandInHoldsOrStallsOn() {
        assertThat(TrialWorld.plain(RunSet.range(66_060, 66_100)))
                .isEqualTo(RunSet.range(66_060, 66_100).minus(RunSet.runs(66_066, 66_099)));
    }
}
