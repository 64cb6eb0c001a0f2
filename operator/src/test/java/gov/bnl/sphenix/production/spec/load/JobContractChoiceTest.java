package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which convention a rule's script is called in: every rule, in a rule-set file or inline, runs in
 * sphenixprod's unless it says otherwise, and a production may choose for its rule; a word neither
 * knows is an error at its line.
 */
class JobContractChoiceTest {

    private static final String CALO_RULES = "rules/run3auau/calo_physics_ana530_2025p008_v001.yaml";
    private static final String CALO_PRODUCTION = "productions/run3auau/calo-physics.yaml";

    @TempDir
    Path dir;

    private ValidationReport edited(String file, String from, String to) throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        Path edited = repo.resolve(file);
        String text = Files.readString(edited);
        assertThat(text).contains(from);
        Files.writeString(edited, text.replace(from, to));
        return SpecLoader.load(new DirectoryTree(repo));
    }

    private static Production production(ValidationReport report, String name) {
        SpecRepository repository = report.repository().orElseThrow(() -> new AssertionError(report.errors()));
        return repository.production(name).orElseThrow();
    }

    @Test
    void rulesCallTheirScriptsAsSphenixprodDoesWhereverTheyAreWritten() {
        SpecRepository repository = SpecLoader.load(new DirectoryTree(RepositoryFiles.productionSpecs())).repository()
                .orElseThrow();

        assertThat(repository.productions()).as("from rule-set files and inline").anyMatch(p -> p.ruleSetFile().isEmpty())
                .anyMatch(p -> p.ruleSetFile().isPresent())
                .allSatisfy(p -> assertThat(p.rule().job().contract()).as(p.name()).isEqualTo(JobContract.SPHENIXPROD));
    }

    @Test
    void aRuleAndAProductionMayChooseTheOperatorsContract() throws IOException {
        ValidationReport byRule = edited(CALO_RULES, "    script:", "    contract: operator\n    script:");
        assertThat(byRule.repository().orElseThrow().productions()).filteredOn(p -> p.ruleSetFile().orElse("").equals(CALO_RULES))
                .isNotEmpty().allSatisfy(p -> assertThat(p.rule().job().contract()).isEqualTo(JobContract.OPERATOR));

        ValidationReport byProduction = edited(CALO_PRODUCTION, "spec:\n", "spec:\n  contract: operator\n");
        assertThat(production(byProduction, "run3auau-calo-golden").rule().job().contract()).isEqualTo(JobContract.OPERATOR);
    }

    @Test
    void anUnknownContractIsAnErrorAtItsLine() throws IOException {
        ValidationReport report = edited(CALO_PRODUCTION, "spec:\n", "spec:\n  contract: condor\n");

        assertThat(report.errors()).anySatisfy(e -> {
            assertThat(e.at().file()).isEqualTo(CALO_PRODUCTION);
            assertThat(e.toString()).contains("condor");
        });
        assertThat(report.repository()).isEmpty();
    }

    @Test
    void neventsCapsTheJobsOfARule() throws IOException {
        ValidationReport report = edited(CALO_RULES, "    script:", "    nevents: 500\n    script:");

        assertThat(report.repository().orElseThrow().productions()).filteredOn(p -> p.ruleSetFile().orElse("").equals(CALO_RULES))
                .isNotEmpty().allSatisfy(p -> assertThat(p.rule().job().nevents()).isEqualTo(500));
    }
}
