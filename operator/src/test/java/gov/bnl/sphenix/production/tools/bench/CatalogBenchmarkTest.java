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
        String printed = log.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("seeded", "readiness, segment 0", "registration round 3");
        // with a memory: an unchanged catalog is recalled whole, a change is read for exactly the runs it touched,
        // and what the memory hands out is what a pass without one does
        assertThat(printed).containsPattern("readiness remembering, segment 0: first pass [0-9]+ ms; nothing changed [0-9]+ ms"
                + " \\(([0-9]+) of \\1 runs recalled\\); ([1-9][0-9]*) runs changed [0-9]+ ms \\(\\2 runs read,"
                + " ([0-9]+) candidates, a pass without memory: \\3\\)");
        assertThat(printed).containsPattern("readiness remembering, all segments, keys done in the ledger: first pass [0-9]+ ms;"
                + " nothing changed [0-9]+ ms \\(([0-9]+) of \\1 runs recalled\\); ([1-9][0-9]*) runs changed [0-9]+ ms"
                + " \\(\\2 runs read,");
        assertThat(result.changedAllMillis()).isNotNegative();
    }
}
