package gov.bnl.sphenix.production.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.tree.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A production's own maximum run time: what its physicist writes, and what a wrong value is told. */
class MaxRunTimeTest {

    private static final String STREAMING = "productions/run3auau/streaming-physics.yaml";

    @TempDir
    Path dir;

    @Test
    void aProductionMaySetItsOwnMaximumRunTimeAndWithoutOneTheOperatorsApplies() throws IOException {
        ValidationReport report = edited("  limits:\n", "  limits:\n    maxRunTime: 5d\n");

        Production streaming = report.repository().orElseThrow(() -> new AssertionError(report.errors()))
                .production("run3auau-streaming-physics").orElseThrow();
        Production seed = report.repository().orElseThrow().production("run3auau-seed-physics").orElseThrow();

        assertThat(streaming.limits().maxRunTime()).contains(Duration.ofDays(5));
        assertThat(seed.limits().maxRunTime()).isEmpty();
        assertThat(seed.limits().maxRunTimeOr(Duration.ofDays(3))).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void aMaximumRunTimeThatIsNoDurationOrBeyondAMonthIsAnErrorAtItsValue() throws IOException {
        ValidationReport words = edited("  limits:\n", "  limits:\n    maxRunTime: a week\n");
        ValidationReport tooLong = edited("  limits:\n", "  limits:\n    maxRunTime: 45d\n");

        assertThat(words.valid()).isFalse();
        assertThat(words.errors()).singleElement().asString()
                .startsWith(STREAMING + ":17:17: error: maxRunTime 'a week' is not a duration from 1m to 30d")
                .contains("write a number with a unit: 90m, 36h or 5d");
        assertThat(tooLong.errors()).singleElement().asString().contains("maxRunTime '45d' is not a duration");
    }

    private ValidationReport edited(String from, String to) throws IOException {
        Path repo = RepositoryFiles.copyOfProductionSpecs(dir.resolve("specs-" + System.nanoTime()));
        Path file = repo.resolve(STREAMING);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
        return SpecLoader.load(new DirectoryTree(repo));
    }
}
