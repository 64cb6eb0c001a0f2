package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What {@code prodctl report} and {@code prodctl history} share: a {@code --since}, and the
 * catalogs of {@code PRODOP_CATALOG_URL} opened for reading only (nothing written, nothing migrated).
 */
final class LedgerReading {

    /** A command's refusal of its input, told in one line; exit code 2. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    @Option(names = "--since", description = "From when: a span back from now, 7d, 2w, 12h, P7D, or a moment,"
            + " 2026-11-26 (UTC), 2026-11-26T08:00:00Z (default: ${DEFAULT-VALUE}).", defaultValue = "7d")
    String since;

    /** The process environment; tests give their own. */
    Map<String, String> environment = System.getenv();

    Clock clock = Clock.systemUTC();

    Since since() throws Refused {
        try {
            return Since.parse(since, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
    }

    Catalogs open() throws Refused {
        CatalogSettings settings = CatalogSettings.fromEnvironment(environment);
        if (settings.needsEmbeddedServer()) {
            throw new Refused("no ledger to read; set PRODOP_CATALOG_URL (or one URL per catalog, PRODOP_LEDGER_URL,"
                    + " PRODOP_DAQ_URL...) to the databases prodctl run uses");
        }
        return Catalogs.openReadOnly(settings);
    }
}
