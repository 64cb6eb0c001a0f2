package gov.bnl.sphenix.production.spec.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs kept in a sub-directory of a larger repository read as if they were at its top. */
class SubdirectoryTreeTest {

    @TempDir
    Path dir;

    @Test
    void specsBelowASubdirectoryValidateWithPathsRelativeToIt() {
        RepositoryFiles.copyOfProductionSpecs(dir.resolve("repo/production/specs"));

        SpecTree tree = SubdirectoryTree.of(new DirectoryTree(dir.resolve("repo")), "/production/specs/");
        ValidationReport report = SpecLoader.load(tree);

        assertThat(report.valid()).as("%s", report.diagnostics()).isTrue();
        assertThat(report.repository().orElseThrow().productions()).hasSize(10);
        assertThat(tree.files()).contains("catalogue.yaml").noneMatch(f -> f.startsWith("production/"));
    }

    @Test
    void theTopIsTheWholeTreeAndAPathOutOfTheRepositoryIsRefused() {
        SpecTree whole = new DirectoryTree(dir);

        assertThat(SubdirectoryTree.of(whole, "")).isSameAs(whole);
        assertThat(SubdirectoryTree.of(whole, " / ")).isSameAs(whole);
        assertThatThrownBy(() -> SubdirectoryTree.of(whole, "specs/../../etc"))
                .hasMessageContaining("inside the repository");
        assertThatThrownBy(() -> SubdirectoryTree.normalise("a//b")).hasMessageContaining("inside the repository");
    }
}
