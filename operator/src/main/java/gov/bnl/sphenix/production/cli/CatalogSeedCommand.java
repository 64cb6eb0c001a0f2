package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.tools.seed.CatalogSeeder;
import gov.bnl.sphenix.production.tools.seed.SeedSpec;
import gov.bnl.sphenix.production.tools.seed.SeedSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prodctl catalog seed}: fills the DAQ database and the RawdataCatalog with a synthetic,
 * reproducible sPHENIX catalog. Connections come from the environment ({@code PRODOP_CATALOG_URL}
 * and friends); with none configured it seeds an embedded server, kept in {@code --data} if given.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Fill the DAQ and raw data catalogs with a synthetic sPHENIX catalog (reproducible from --seed).",
                "Uses PRODOP_CATALOG_URL (or PRODOP_DAQ_URL / PRODOP_RAWDATA_URL); without one, an embedded PostgreSQL."})
public final class CatalogSeedCommand implements Callable<Integer> {

    @Option(names = "--runs", description = "Runs to generate (default: ${DEFAULT-VALUE}).", defaultValue = "1000")
    int runs;

    @Option(names = "--raw-files", description = "Raw files to generate, about (default: ${DEFAULT-VALUE}).",
            defaultValue = "500000")
    long rawFiles;

    @Option(names = "--first-run", description = "First run number (default: ${DEFAULT-VALUE}).", defaultValue = "66000")
    int firstRun;

    @Option(names = "--seed", description = "Random seed; the same seed gives the same catalog (default: ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Option(names = "--replace", description = "Empty the DAQ and raw catalog tables first.")
    boolean replace;

    @Option(names = "--data", description = "Keep the embedded server's data in this directory (when no URL is configured).")
    Path data;

    @Override
    public Integer call() throws Exception {
        CatalogSettings settings = CatalogSettings.fromEnvironment(System.getenv());
        if (data != null) {
            settings = settings.withEmbeddedDataDirectory(data);
        }
        try (Catalogs catalogs = Catalogs.open(settings)) {
            SeedSpec spec = new SeedSpec(seed, runs, firstRun, rawFiles, SeedSpec.START);
            SeedSummary summary = new CatalogSeeder(catalogs.daq(), catalogs.rawdata()).seed(spec, replace);
            System.out.println("seeded " + summary);
            catalogs.embeddedServer().ifPresent(server -> System.out.println(
                    "embedded PostgreSQL at " + server.jdbcUrl() + (data == null ? " (gone when this command ends)" : "")));
        }
        return 0;
    }
}
