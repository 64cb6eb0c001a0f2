package gov.bnl.sphenix.production.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A tiny benchmark run: every step works and the summary line has the promised shape. */
class CatalogBenchmarkTest {

    @Test
    void aTinyBenchmarkRunsEveryStepAndEndsWithTheSummaryLine() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchResult result;
        try (Catalogs catalogs = TestPostgres.freshCatalogs()) {
            result = new CatalogBenchmark(catalogs, new PrintStream(log, true, StandardCharsets.UTF_8))
                    .run(new BenchSize(60, 12_000, 3_000, 500, 5));
        }

        assertThat(result.runs()).isEqualTo(60);
        assertThat(result.runsExamined()).isPositive().isLessThan(60);
        assertThat(result.candidates()).isPositive();
        assertThat(result.candidatesAll()).isGreaterThanOrEqualTo(result.candidates() / 2);
        assertThat(result.registeredPerSecond()).isPositive();
        assertThat(result.copiedPerSecond()).isPositive();
        assertThat(result.line()).matches(
                "catalog: readiness [0-9]+ ms for 60 runs; registration [0-9]+ files/s = [0-9]+\\.[0-9]{2} of COPY");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("seeded", "readiness, segment 0", "registration round 3");
    }
}
