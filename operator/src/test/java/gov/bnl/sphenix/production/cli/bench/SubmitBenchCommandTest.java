package gov.bnl.sphenix.production.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.batch.condor.MiniCondorPool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SubmitBenchCommandTest {

    @TempDir
    Path dir;

    private static List<String> run(String... args) {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new SubmitBenchCommand()).setOut(new PrintWriter(out)).execute(args);
        assertThat(exit).isZero();
        return out.toString().lines().toList();
    }

    @Test
    void withoutAPoolItSaysSoAndSkips() {
        List<String> lines = run("--quick", "--condor-prefix", dir.resolve("no-such-pool").toString(),
                "--work-dir", dir.toString());

        assertThat(lines.get(lines.size() - 1)).startsWith("submit: skipped — no HTCondor pool answers");
    }

    @Tag("condor")
    @Test
    void theLastLineComparesTheAdapterWithRawCondorSubmit() {
        MiniCondorPool.requireUp();

        List<String> lines = run("--quick", "--jobs", "200");

        assertThat(lines.get(lines.size() - 1))
                .matches("submit: 200 jobs in \\d+ ms via adapter = \\d+\\.\\d\\d of raw condor_submit");
    }
}
