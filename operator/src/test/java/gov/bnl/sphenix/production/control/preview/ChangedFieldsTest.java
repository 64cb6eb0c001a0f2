package gov.bnl.sphenix.production.control.preview;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which fields of a production a revision changes, named as a reviewer looks for them. */
class ChangedFieldsTest {

    private static final String SEED = "productions/run3auau/seed-physics.yaml";

    @TempDir
    Path dir;

    @Test
    void aFieldOfTheProductionIsNamedAndAFieldOfItsRuleByItsPath() throws Exception {
        Path specs = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        Production before = seed(specs);
        edit(specs, "memory: 3 GB, 6 GB, 9 GB", "memory: 4 GB, 8 GB\n  contract: operator");

        List<String> changed = ChangedFields.between(before, seed(specs));

        assertThat(changed).containsExactly("rule.job.contract", "memory");
    }

    @Test
    void movingALineOrAddingACommentChangesNothing() throws Exception {
        Path specs = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
        Production before = seed(specs);
        edit(specs, "kind: Production\n", "kind: Production\n# reviewed by the shift\n\n");

        assertThat(ChangedFields.between(before, seed(specs))).isEmpty();
        assertThat(SpecChange.between(List.of(before), List.of(seed(specs))))
                .extracting(SpecChange::kind).containsExactly(SpecChange.Kind.UNCHANGED);
    }

    private static Production seed(Path specs) {
        return SpecLoader.load(new DirectoryTree(specs)).repository().orElseThrow()
                .production("run3auau-seed-physics").orElseThrow();
    }

    private static void edit(Path specs, String what, String with) throws Exception {
        Path file = specs.resolve(SEED);
        String text = Files.readString(file);
        assertThat(text).contains(what);
        Files.writeString(file, text.replace(what, with));
    }
}
