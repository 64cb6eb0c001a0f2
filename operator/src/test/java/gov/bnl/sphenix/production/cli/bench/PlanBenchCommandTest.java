package gov.bnl.sphenix.production.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PlanBenchCommandTest {

    @Test
    void printsTheResultInTheAgreedFormatAsItsLastLine() {
        StringWriter text = new StringWriter();
        int exit = new CommandLine(new PlanBenchCommand()).setOut(new PrintWriter(text))
                .execute("--productions", "3", "--keys-per-production", "400", "--global-budget", "500");

        List<String> lines = text.toString().lines().toList();
        assertThat(exit).isZero();
        assertThat(lines.get(lines.size() - 1)).matches("plan: 1200 keys in \\d+ ms, \\d+ MB heap, \\d+ submits");
        assertThat(lines.get(lines.size() - 1)).doesNotEndWith(" 0 submits");
        assertThat(lines.get(0)).isEqualTo("floor: 3 productions, 1200 ready keys, 1200 ledger rows, 60 queue jobs, 1 removed productions");
    }
}
