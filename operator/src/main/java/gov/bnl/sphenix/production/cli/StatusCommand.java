package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.StatusStore;
import gov.bnl.sphenix.production.catalog.ledger.report.FailedJobs;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.control.StatusJson;
import gov.bnl.sphenix.production.control.events.EventKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl status}: where each production stands, as the engine's last pass left it, laid out
 * like the weekly production summaries; {@code --format json} for scripts.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each production's jobs by state, events produced and top hold reasons, from the ledger;",
                "with --failed, its failed jobs and where their logs are.",
                "Catalogs come from PRODOP_CATALOG_URL and friends, as for prodctl run."})
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PRODUCTION", description = "Only these productions (default: all).")
    List<String> productions = List.of();

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", defaultValue = "table")
    String format;

    @Option(names = "--failed", description = "List the failed jobs instead, newest first, each with why and where"
            + " its logs (out, err, batch log) are.")
    boolean failed;

    @Option(names = "--limit", description = "With --failed: at most this many jobs (default: ${DEFAULT-VALUE}).",
            defaultValue = "50")
    int limit;

    /** The process environment; tests give their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("table") && !format.equals("json")) {
            spec.commandLine().getErr().println("prodctl status: --format is table or json, not " + format);
            return 2;
        }
        CatalogSettings settings = CatalogSettings.fromEnvironment(environment);
        if (settings.needsEmbeddedServer()) {
            spec.commandLine().getErr().println("prodctl status: no ledger to read; set PRODOP_CATALOG_URL (or"
                    + " PRODOP_LEDGER_URL) to the database prodctl run uses");
            return 2;
        }
        if (failed) {
            if (format.equals("json")) {
                spec.commandLine().getErr().println("prodctl status: --failed prints a list for people; --format json"
                        + " is the productions' status (prodctl history has every failure, logs included)");
                return 2;
            }
            try (Catalogs catalogs = Catalogs.openReadOnly(settings)) {
                out.print(FailedJobsText.render(new FailedJobs(catalogs.ledger(), catalogs.retry())
                        .newest(productions, EventKind.FAILED.spelling(), limit)));
                out.flush();
            }
            return 0;
        }
        try (Catalogs catalogs = Catalogs.open(settings.withCreateCatalogs(false))) {
            List<ProductionStanding> statuses = StatusJson.readAll(new StatusStore(catalogs.ledger(), catalogs.retry())).stream()
                    .filter(s -> productions.isEmpty() || productions.contains(s.production()))
                    .toList();
            if (format.equals("json")) {
                out.println(StatusJson.write(statuses.stream().map(StatusJson::toMap).toList()));
            } else if (statuses.isEmpty()) {
                out.println("no production has a status yet: has prodctl run made a pass?");
            } else {
                out.print(StatusTable.render(statuses));
            }
            out.flush();
        }
        return 0;
    }
}
