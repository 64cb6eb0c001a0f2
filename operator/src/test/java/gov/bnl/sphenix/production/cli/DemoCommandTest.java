package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's main command, run whole as a user runs it: it must end with the promised line, with
 * every part of the story having happened, no duplicate submission, and the work tree it was run
 * from as clean as before.
 */
class DemoCommandTest {

    private static final Pattern LAST_LINE = Pattern.compile("demo: (\\d+) jobs finished, (\\d+) held and released, "
            + "(\\d+) killed by revert, (\\d+) outputs registered, (\\d+) duplicate submissions");

    private static final Pattern BUILDING_IN = Pattern.compile("prodctl demo: building the demo in (.+)");

    private Path root;

    @AfterEach
    void removeTheDemo() throws IOException {
        RepositoryFiles.deleteTree(root);
    }

    @Test
    void theDemoTellsTheWholeStoryEndsWithItsSummaryLineAndLeavesTheWorkTreeClean() throws Exception {
        String statusBefore = gitStatus();
        // no --dir, as a user runs it; the build runs it from inside the work tree
        ConsoleRun run = ConsoleRun.of("demo", "--specs", RepositoryFiles.productionSpecs().toString(), "--interval", "PT0.5S");
        int exit = run.exit();
        String output = run.out();
        assertThat(run.err().lines())
                .as("the demo tells its story, not its libraries' logs").noneMatch(line -> line.contains(" INFO "));
        List<String> lines = output.lines().toList();
        Matcher building = BUILDING_IN.matcher(lines.get(0));
        assertThat(building.matches()).as("first line: %s", lines.get(0)).isTrue();
        root = Path.of(building.group(1));
        assertThat(root).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
        assertThat(root.startsWith(RepositoryFiles.root())).as("%s is inside the work tree", root).isFalse();
        assertThat(output).contains("left for inspection in " + root);
        assertThat(gitStatus()).as("git status --porcelain of the work tree").isEqualTo(statusBefore);
        String last = lines.get(lines.size() - 1);

        Matcher m = LAST_LINE.matcher(last);
        assertThat(m.matches()).as("last line: %s%n%s", last, output).isTrue();
        long finished = Long.parseLong(m.group(1));
        assertThat(finished).isGreaterThan(100);
        assertThat(Long.parseLong(m.group(2))).as("memory holds escalated").isPositive();
        assertThat(Long.parseLong(m.group(3))).as("jobs killed by the revert").isPositive();
        assertThat(Long.parseLong(m.group(4))).as("today's scripts write several outputs per job: segments and HISTs")
                .isGreaterThan(2 * finished);
        assertThat(Long.parseLong(m.group(5))).isZero();
        assertThat(exit).isZero();
        assertThat(output).contains("git revert of pull request #3", "released with 1 GB",
                "production removed in", "removal complete");
        assertThat(lines.get(lines.size() - 2)).as("the weekly table ends just before the summary")
                .matches("report: 3 productions, \\d+ submitted, \\d+ finished, [1-9]\\d* held, \\d+ failed since .*Z");
        assertThat(lines).anyMatch(l -> l.matches("DSTTYPE +RUNTYPE +PERIOD +SUBMITTED +STARTED +RAN +FAILED +HELD"
                + " +FINISHED +EVENTS")).anyMatch(l -> l.matches("DST_STREAMING_EVENT +physics +prior week( +\\d+){7}"));
        assertThat(root.resolve("data/dst")).isDirectory();
        assertThat(root.resolve("data/payloads")).as("each commit's payload, as the jobs ran it").isDirectoryContaining(
                f -> f.getFileName().toString().matches("[0-9a-f]{40}"));
        assertThat(output).as("a job of the run that outgrows its memory runs the rule's script")
                .contains("demo-streaming: job 66066/0/mvtx");
        assertThat(Files.readString(root.resolve("specs-work/productions/demo/streaming.yaml"))).contains("demo-streaming");
        assertThat(root.resolve("specs-work/productions/demo/seed.yaml")).doesNotExist();
    }

    /** What {@code git status --porcelain} says of the repository this build runs in. */
    private static String gitStatus() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "status", "--porcelain").directory(RepositoryFiles.root().toFile())
                .redirectErrorStream(true).start();
        String status = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as(status).isZero();
        return status;
    }
}
