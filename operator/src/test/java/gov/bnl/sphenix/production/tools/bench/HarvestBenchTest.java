package gov.bnl.sphenix.production.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny harvest benchmark run: every round harvests every file and the summary line has the
 * promised shape. {@code -Dharvest.bench.jobs=N} runs it at size (the numbers in benchmarks.md).
 */
class HarvestBenchTest {

    @TempDir
    Path dir;

    @Test
    void aTinyHarvestBenchmarkHarvestsEveryFileAndEndsWithTheSummaryLine() throws Exception {
        int jobs = Integer.getInteger("harvest.bench.jobs", 16);
        StringWriter log = new StringWriter();
        HarvestBench.Result result;
        try (Catalogs catalogs = TestPostgres.freshCatalogs()) {
            result = new HarvestBench(catalogs, dir, new PrintWriter(log, true)).run(jobs, 5);
        }
        System.out.print(log.toString());
        System.out.println(result.line());

        assertThat(result.files()).isEqualTo(jobs * 10);
        assertThat(result.harvestedPerSecond()).isPositive();
        assertThat(result.baselinePerSecond()).isPositive();
        assertThat(result.line()).matches(
                "harvest: [0-9]+ files of [0-9]+ jobs, [0-9]+ files/s = [0-9]+\\.[0-9]{2} of rename \\+ COPY");
        assertThat(log.toString()).contains("harvest round 3");
    }
}
