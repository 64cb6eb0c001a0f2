package gov.bnl.sphenix.production.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HarvestBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheResultInTheAgreedFormatAsItsLastLineAndLeavesNothingBehind() throws Exception {
        StringWriter text = new StringWriter();
        int exit = new CommandLine(new HarvestBenchCommand()).setOut(new PrintWriter(text))
                .execute("--quick", "--jobs", "16", "--segments", "3", "--work-dir", dir.toString());

        List<String> lines = text.toString().lines().toList();
        assertThat(exit).isZero();
        assertThat(lines.get(lines.size() - 1))
                .matches("harvest: 96 files of 16 jobs, \\d+ files/s = \\d+\\.\\d\\d of rename \\+ COPY");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("harvest round 3: 16 jobs, 96 files:"));
        try (var left = Files.list(dir)) {
            assertThat(left).as("the scratch directory is removed").isEmpty();
        }
    }
}
