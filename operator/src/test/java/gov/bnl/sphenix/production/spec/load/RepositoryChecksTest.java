package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that need a modified repository: removed upstreams, links, sizes, single files, stray files. */
class RepositoryChecksTest {

    @TempDir
    Path dir;

    private Path repo() {
        return RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs"));
    }

    @Test
    void aMissingUpstreamProductionIsAWarningNamingTheNamespace() throws IOException {
        Path repo = repo();
        Files.delete(repo.resolve("productions/run3auau/streaming-physics.yaml"));
        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));
        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).anySatisfy(w -> {
            assertThat(w.at().file()).isEqualTo("productions/run3auau/cluster-physics.yaml");
            assertThat(w.message()).contains("no production makes DST_STREAMING_EVENT run3auau ana523_nocdbtag_v001");
        });
    }

    @Test
    void aProductionFileThatIsASymlinkIsRefused() throws IOException {
        Path repo = repo();
        Path outside = Files.writeString(dir.resolve("outside.yaml"), Files.readString(
                repo.resolve("productions/run3auau/calo-physics.yaml")).replace("run3auau-calo-golden", "linked"));
        Files.createSymbolicLink(repo.resolve("productions/linked.yaml"), outside);
        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));
        assertThat(report.errors()).anySatisfy(e -> {
            assertThat(e.at().file()).isEqualTo("productions/linked.yaml");
            assertThat(e.message()).contains("symbolic link");
        });
    }

    @Test
    void aRuleSetReachedThroughALinkedDirectoryIsRefused() throws IOException {
        Path repo = repo();
        Files.createSymbolicLink(repo.resolve("linked-rules"), repo.resolve("rules"));
        Path production = repo.resolve("productions/run3auau/calo-physics.yaml");
        Files.writeString(production, Files.readString(production).replace("ruleSet: rules/", "ruleSet: linked-rules/"));
        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));
        assertThat(report.errors()).anySatisfy(e -> {
            assertThat(e.toString()).startsWith("productions/run3auau/calo-physics.yaml:7:14:");
            assertThat(e.message()).contains("goes through a symbolic link");
        });
    }

    @Test
    void anOversizedFileIsRefusedWithoutParsingIt() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve("productions/huge.yaml"), "# padding\n".repeat(120_000));
        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));
        assertThat(report.errors()).anySatisfy(e -> {
            assertThat(e.at().file()).isEqualTo("productions/huge.yaml");
            assertThat(e.message()).contains("over the limit");
        });
    }

    @Test
    void aBrokenRevisionYieldsNoRepositoryAtAll() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve("productions/run3auau/seed-physics.yaml"), "spec: [unclosed\n");
        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));
        assertThat(report.valid()).isFalse();
        assertThat(report.repository()).isEmpty();
    }

    @Test
    void aProductionOutsideProductionsIsNeverActivatedAndSaysSo() throws IOException {
        Path repo = repo();
        Files.copy(repo.resolve("productions/run3auau/calo-physics.yaml"), repo.resolve("calo-physics.yaml"));
        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w.message()).contains("never activated"));
        assertThat(report.repository().orElseThrow().productions()).hasSize(10);
    }

    @Test
    void aMissingCatalogueIsAnError() throws IOException {
        Path repo = repo();
        Files.delete(repo.resolve("catalogue.yaml"));
        ValidationReport report = SpecLoader.load(new DirectoryTree(repo));
        assertThat(report.errors()).extracting(Diagnostic::message).contains("the repository has no product catalogue");
    }

    @Test
    void anEmptyDirectoryIsNotAValidRepository() throws IOException {
        ValidationReport report = SpecLoader.load(new DirectoryTree(Files.createDirectories(dir.resolve("empty"))));
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).extracting(Diagnostic::message).contains("no spec files found");
    }

    @Test
    void oneProductionIsCheckedAgainstItsRepository() throws IOException {
        Path repo = repo();
        Path production = repo.resolve("productions/run3auau/seed-physics.yaml");
        assertThat(SpecLoader.loadFile(new DirectoryTree(repo), "productions/run3auau/seed-physics.yaml").valid()).isTrue();
        Files.writeString(production, Files.readString(production).replace("Full_TRKR_SEED_run3physics", "Full_TRKR_SEEDS"));
        ValidationReport report = SpecLoader.loadFile(new DirectoryTree(repo), "productions/run3auau/seed-physics.yaml");
        assertThat(report.errors()).anySatisfy(e -> assertThat(e.toString())
                .contains("rule 'Full_TRKR_SEEDS' is not in").contains("did you mean 'Full_TRKR_SEED_run3physics'?"));
    }

    @Test
    void todaysShortFormatRuleSetsValidateOnTheirOwn() throws IOException {
        Path shortFormat = RepositoryFiles.root().resolve("operator/src/test/resources/spec/shortformat");
        try (var files = Files.list(shortFormat)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                ValidationReport report = SpecLoader.loadFile(new DirectoryTree(RepositoryFiles.root()),
                        RepositoryFiles.root().relativize(file).toString());
                assertThat(report.errors()).as(file.getFileName().toString()).isEmpty();
                assertThat(report.filesRead()).isEqualTo(1);
            }
        }
    }

    @Test
    void olderKeysOfTheShortFormatWarnWithTheirNewNames() {
        ValidationReport report = SpecLoader.loadFile(new DirectoryTree(RepositoryFiles.root()),
                "operator/src/test/resources/spec/shortformat/combining_older_revision.yaml");
        assertThat(report.warnings()).extracting(Diagnostic::toString)
                .anyMatch(w -> w.contains("params.rulestem' is deprecated — rename it to 'dsttype'"))
                .anyMatch(w -> w.contains("params.outstub' is deprecated — rename it to 'dataset'"))
                .anyMatch(w -> w.contains("job.mem' is deprecated — rename it to 'request_memory'"))
                .anyMatch(w -> w.contains("job.arguments' is ignored"))
                .anyMatch(w -> w.contains("input.table' is ignored (deprecated)"));
    }
}
