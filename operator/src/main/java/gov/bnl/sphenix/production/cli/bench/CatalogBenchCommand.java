package gov.bnl.sphenix.production.cli.bench;

import gov.bnl.sphenix.production.tools.bench.BenchResult;
import gov.bnl.sphenix.production.tools.bench.BenchSize;
import gov.bnl.sphenix.production.tools.bench.CatalogBenchmark;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prodctl bench catalog}: readiness over a synthetic catalog and registration throughput
 * against plain COPY. The last line of output is the summary:
 * {@code catalog: readiness <ms> ms for <runs> runs; registration <files/s> files/s = <ratio> of COPY}.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Benchmark readiness over a synthetic sPHENIX catalog and bulk registration against COPY.",
                "Runs on a fresh embedded PostgreSQL unless --url names a scratch database, whose DAQ, raw and",
                "file catalog tables it EMPTIES and refills."})
public final class CatalogBenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "A reduced run (2,000 runs, 1M raw files, 100k outputs) in under a minute.")
    boolean quick;

    @Option(names = "--runs", description = "Runs in the synthetic catalog (default: 10000, quick: 2000).")
    Integer runs;

    @Option(names = "--raw-files", description = "Raw files in the synthetic catalog (default: 10000000, quick: 1000000).")
    Long rawFiles;

    @Option(names = "--outputs", description = "Outputs to register (default: 500000, quick: 100000).")
    Integer outputs;

    @Option(names = "--batch", description = "Outputs per registration transaction (default: ${DEFAULT-VALUE}).",
            defaultValue = "5000")
    int batch;

    @Option(names = "--seed", description = "Seed of the synthetic catalog (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--url", description = "JDBC URL of a scratch database to use instead of an embedded server.")
    String url;

    @Option(names = "--user", description = "User for --url.", defaultValue = "")
    String user;

    @Option(names = "--password", description = "Password for --url.", defaultValue = "", interactive = true, arity = "0..1")
    String password;

    @Override
    public Integer call() throws Exception {
        BenchSize base = quick ? BenchSize.QUICK : BenchSize.FULL;
        BenchSize size = new BenchSize(runs != null ? runs : base.runs(), rawFiles != null ? rawFiles : base.rawFiles(),
                outputs != null ? outputs : base.outputs(), batch, seed);
        CatalogSettings settings = (url == null ? CatalogSettings.embedded()
                : CatalogSettings.sharedDatabase(url, user, password).withCreateCatalogs(true))
                .withStatementTimeout(Duration.ofMinutes(30));
        BenchResult result;
        try (Catalogs catalogs = Catalogs.open(settings)) {
            result = new CatalogBenchmark(catalogs, System.out).run(size);
        }
        // after the pools and the server are closed, so that nothing prints after it
        System.out.println(result.line());
        return 0;
    }
}
