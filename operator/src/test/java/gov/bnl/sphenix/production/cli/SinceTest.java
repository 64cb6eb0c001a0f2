package gov.bnl.sphenix.production.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@code --since} of report and history: spans back from now and moments, in the words a shift uses. */
class SinceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T18:00:00.123456Z");

    @Test
    void aWeekIsThePriorWeekCountedFromTheSecond() {
        Since week = Since.parse("7d", NOW);

        assertThat(week.at()).isEqualTo(Instant.parse("2026-11-26T18:00:00Z"));
        assertThat(week.label()).isEqualTo("prior week");
        assertThat(Since.parse("P7D", NOW)).isEqualTo(week);
        assertThat(Since.parse("1w", NOW)).isEqualTo(week);
    }

    @Test
    void otherSpansAndMomentsSayWhatTheyAre() {
        assertThat(Since.parse("12h", NOW)).isEqualTo(new Since(Instant.parse("2026-12-03T06:00:00Z"), "prior 12h"));
        assertThat(Since.parse("30m", NOW).at()).isEqualTo(Instant.parse("2026-12-03T17:30:00Z"));
        assertThat(Since.parse("2026-11-26", NOW)).isEqualTo(new Since(Instant.parse("2026-11-26T00:00:00Z"),
                "since 2026-11-26"));
        assertThat(Since.parse("2026-11-26T08:00:00Z", NOW).at()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void anythingElseIsRefusedWithExamples() {
        assertThatThrownBy(() -> Since.parse("a week", NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--since 'a week': give a span back from now (7d, 2w, 12h, 30m, P7D) or a moment"
                        + " (2026-11-26, 2026-11-26T08:00:00Z)");
        assertThatThrownBy(() -> Since.parse("2026-13-01", NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
