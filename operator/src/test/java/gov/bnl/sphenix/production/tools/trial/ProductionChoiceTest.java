package gov.bnl.sphenix.production.tools.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which productions a try runs, and in which order, on the example specs. */
class ProductionChoiceTest {

    private final SpecRepository specs = SpecLoader.load(new DirectoryTree(RepositoryFiles.productionSpecs()))
            .repository().orElseThrow();

    @Test
    void aNamedProductionBringsTheProductionsWhoseOutputsItReadsUpstreamFirst() {
        ProductionChoice choice = ProductionChoice.of(specs, List.of("run3auau-calo-golden"));

        assertThat(choice.names()).containsExactly("run3auau-triggered-physics", "run3auau-calofitting-golden",
                "run3auau-calo-golden");
        assertThat(choice.upstream().get("run3auau-calo-golden")).containsExactly("run3auau-calofitting-golden");
        assertThat(choice.downstreamOf("run3auau-triggered-physics")).extracting(Production::name)
                .containsExactly("run3auau-calofitting-golden", "run3auau-calo-golden");
    }

    @Test
    void upstreamMeansTheSameDatasetAndTheTagTheProductionReads() {
        ProductionChoice choice = ProductionChoice.of(specs, List.of("run3cosmics-cluster"));

        assertThat(choice.names()).as("physics streaming writes run3auau, not run3cosmics")
                .containsExactly("run3cosmics-streaming", "run3cosmics-cluster");
    }

    @Test
    void noNameMeansEveryProductionInDependencyOrder() {
        ProductionChoice choice = ProductionChoice.of(specs, List.of());

        assertThat(choice.productions()).hasSameSizeAs(specs.productions());
        List<String> order = choice.names();
        choice.upstream().forEach((production, upstream) -> upstream.forEach(up ->
                assertThat(order.indexOf(up)).as("%s before %s", up, production).isLessThan(order.indexOf(production))));
    }

    @Test
    void anUnknownNameIsBadInputThatListsTheProductions() {
        assertThatThrownBy(() -> ProductionChoice.of(specs, List.of("run3auau-nothing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no production named run3auau-nothing").hasMessageContaining("run3auau-calo-golden");
    }
}
