package gov.bnl.sphenix.production.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    @Test
    void aFileShowsAHundredFindingsThenOneLineSayingHowManyMore() {
        Diagnostics out = new Diagnostics();
        for (int i = 1; i <= 150; i++) {
            out.error(new SourceLocation("a.yaml", i, 1), "problem " + i, "fix it");
        }
        for (int i = 1; i <= 20; i++) {
            out.warning(new SourceLocation("a.yaml", 1000 + i, 1), "warning " + i, "look");
        }
        out.error(new SourceLocation("b.yaml", 1, 1), "other file", "fix it");

        List<Diagnostic> sorted = out.sorted();

        assertThat(sorted).hasSize(100 + 1 + 1);
        assertThat(sorted.get(99).message()).isEqualTo("problem 100");
        assertThat(sorted.get(100)).hasToString("a.yaml:100:1: error: 50 more errors and 20 more warnings not shown"
                + " — only the first 100 problems of a file are listed; fix these and validate again");
        assertThat(sorted.get(101)).hasToString("b.yaml:1:1: error: other file — fix it");
        assertThat(out.errorCount()).as("findings not shown still count").isEqualTo(151);
    }

    @Test
    void onlyWarningsOverTheCapStayAWarning() {
        Diagnostics out = new Diagnostics();
        for (int i = 1; i <= 101; i++) {
            out.warning(new SourceLocation("a.yaml", i, 1), "w " + i, "look");
        }
        assertThat(out.sorted()).last().hasToString("a.yaml:100:1: warning: 1 more warning not shown"
                + " — only the first 100 problems of a file are listed; fix these and validate again");
        assertThat(out.hasErrors()).isFalse();
    }
}
