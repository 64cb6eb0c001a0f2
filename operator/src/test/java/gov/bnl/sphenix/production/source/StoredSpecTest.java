package gov.bnl.sphenix.production.source;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import org.junit.jupiter.api.Test;

/** What the ledger keeps of a production's spec loads it back as it was, without the rest of the repository. */
class StoredSpecTest {

    @Test
    void everyExampleProductionLoadsBackFromItsOwnFilesAlone() {
        SpecTree repository = new DirectoryTree(RepositoryFiles.productionSpecs());
        var productions = SpecLoader.load(repository).repository().orElseThrow().productions();
        assertThat(productions).hasSizeGreaterThan(3);

        for (Production p : productions) {
            StoredSpec stored = StoredSpec.capture(repository, p);

            assertThat(stored.production(p.name())).as(p.name()).get()
                    .satisfies(back -> assertThat(back.specHash()).isEqualTo(p.specHash()));
            assertThat(stored.files()).as(p.name()).contains(p.file(), SpecLoader.CATALOGUE)
                    .allMatch(f -> f.equals(p.file()) || !f.startsWith(SpecLoader.PRODUCTIONS),
                            "no other production's file");
            p.ruleSetFile().ifPresent(r -> assertThat(stored.files()).contains(r));
            assertThat(stored.files()).as("%s keeps its payload as the commit had it", p.name())
                    .anyMatch(f -> f.endsWith("/" + p.rule().job().script()));
        }
    }
}
