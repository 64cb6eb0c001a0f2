package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's main command, run whole as a user runs it: it must end with the promised line, with
 * every part of the story having happened and no duplicate submission.
 */
class DemoCommandTest {

    private static final Pattern LAST_LINE = Pattern.compile("demo: (\\d+) jobs finished, (\\d+) held and released, "
            + "(\\d+) killed by revert, (\\d+) outputs registered, (\\d+) duplicate submissions");

    @TempDir
    Path dir;

    @Test
    void theDemoTellsTheWholeStoryAndEndsWithItsSummaryLine() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new Prodctl()).execute("demo", "--dir", dir.resolve("demo").toString(),
                    "--specs", RepositoryFiles.productionSpecs().toString(), "--interval", "PT0.5S");
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();
        String last = lines.get(lines.size() - 1);

        Matcher m = LAST_LINE.matcher(last);
        assertThat(m.matches()).as("last line: %s%n%s", last, output).isTrue();
        long finished = Long.parseLong(m.group(1));
        assertThat(finished).isGreaterThan(100);
        assertThat(Long.parseLong(m.group(2))).as("memory holds escalated").isPositive();
        assertThat(Long.parseLong(m.group(3))).as("jobs killed by the revert").isPositive();
        assertThat(Long.parseLong(m.group(4))).isEqualTo(finished);
        assertThat(Long.parseLong(m.group(5))).isZero();
        assertThat(exit).isZero();
        assertThat(output).contains("git revert of pull request #3", "released with 1 GB",
                "production removed in", "removal complete");
        assertThat(dir.resolve("demo/data/dst")).isDirectory();
        assertThat(Files.readString(dir.resolve("demo/specs-work/productions/demo/streaming.yaml"))).contains("demo-streaming");
        assertThat(dir.resolve("demo/specs-work/productions/demo/seed.yaml")).doesNotExist();
    }
}
