package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.RunsDone;
import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq;
import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq.RunEvents;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.catalog.readiness.ReasonRequest;
import gov.bnl.sphenix.production.catalog.readiness.RunVerdict;
import gov.bnl.sphenix.production.catalog.readiness.WaitingRuns;
import gov.bnl.sphenix.production.control.StatusJson;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.source.CheckedOutSpecs;
import gov.bnl.sphenix.production.source.StoredSpec;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl why}: why a production's runs have no jobs — the first blocker of each run, in
 * the order a shift person checks (not selected, masked, still running, below the run cuts, files
 * not transferred or only on tape, upstream not done). Reads the catalogs read-only, with the spec
 * the ledger keeps of the production (or, with {@code --specs}, the one in a checked-out directory).
 */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = {"Tell why runs of a production wait: for the runs given, one paragraph each; without runs,",
                "the waiting runs of its run set counted by reason, with a few examples of each, and the runs",
                "produced whose outputs hold less than 0.95 of the events the DAQ recorded.",
                "The last line is always: why: <n> runs waiting: <k> <reason>, ...; <r> ready",
                "Reads the catalogs (PRODOP_CATALOG_URL and friends, as for prodctl run; SELECT is enough).",
                "Exit: 0 told; 1 a catalog could not be read; 2 bad usage or a production the ledger does not know."})
public final class WhyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRODUCTION", description = "The production, as prodctl status names it.")
    String production;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "RUN", description = "Only these runs (default: every run"
            + " of the production's run set and runtype).")
    List<Integer> runs = List.of();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--specs", description = "Read the production's spec from this checked-out specs directory"
            + " instead of the ledger (for a production not applied yet).")
    Path specs;

    /** The process environment; tests give their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("prodctl why: --format is text or json, not " + format);
            return 2;
        }
        CatalogSettings settings = CatalogSettings.fromEnvironment(environment);
        if (settings.needsEmbeddedServer()) {
            err.println("prodctl why: no catalog to read; set PRODOP_CATALOG_URL to the database prodctl run uses");
            return 2;
        }
        try (Catalogs catalogs = Catalogs.openReadOnly(settings)) {
            Optional<SpecRepository> declared = specs != null ? fromDirectory(err) : fromLedger(catalogs, err);
            if (declared.isEmpty()) {
                return 2;
            }
            var found = declared.get().production(production);
            if (found.isEmpty()) {
                err.println("prodctl why: " + (specs != null ? specs + " declares" : "the spec the ledger keeps declares")
                        + " no production " + production);
                return 2;
            }
            ReasonRequest request = ReadinessRequests.withReasons(found.get(), declared.get().catalogue());
            WaitingRuns waiting = WaitingRuns.of(catalogs);
            List<RunVerdict> verdicts = runs.isEmpty() ? waiting.ofRunSet(request)
                    : waiting.ofRuns(request, runs.stream().mapToInt(Integer::intValue).toArray());
            Optional<List<RunEvents>> events = runs.isEmpty()
                    ? Optional.of(eventsOfProducedRuns(catalogs, found.get(), declared.get().catalogue()))
                    : Optional.empty();
            WhyReport report = new WhyReport(found.get(), verdicts, !runs.isEmpty(), events);
            out.print(format.equals("json") ? StatusJson.write(report.json()) + "\n" : report.text());
            out.flush();
            return 0;
        }
    }

    /** Events against the DAQ's count for the runs whose every job succeeded, as the ledger says. */
    private static List<RunEvents> eventsOfProducedRuns(Catalogs catalogs, Production production,
                                                        ProductCatalogue catalogue) throws SQLException {
        RunsDone runs = new RunsDone();
        new JobLedger(catalogs.ledger(), catalogs.retry(), Clock.systemUTC()).jobs(production.name(),
                EnumSet.allOf(LedgerState.class), runs::add);
        return EventsAgainstDaq.of(catalogs).of(production, catalogue, runs.produced());
    }

    /** The spec and catalogue the ledger kept when the production was last applied. */
    private Optional<SpecRepository> fromLedger(Catalogs catalogs, PrintWriter err) throws SQLException {
        Map<String, byte[]> files = new ProductionRegistry(catalogs.ledger(), catalogs.retry()).specFiles(production);
        if (files.isEmpty()) {
            err.println("prodctl why: the ledger keeps no spec of " + production + "; prodctl status lists the"
                    + " productions it knows, or give --specs with the checked-out specs");
            return Optional.empty();
        }
        return SpecLoader.load(new StoredSpec(files)).repository();
    }

    private Optional<SpecRepository> fromDirectory(PrintWriter err) {
        if (!Files.isDirectory(specs)) {
            err.println("prodctl why: " + specs + " is not a directory; give --specs the checked-out specs repository");
            return Optional.empty();
        }
        try (CheckedOutSpecs repository = CheckedOutSpecs.open(specs)) {
            CheckedOutSpecs.Loaded loaded = repository.workingTree();
            if (!loaded.report().valid()) {
                loaded.report().errors().forEach(err::println);
                err.println("prodctl why: the specs in " + specs + " are not valid (prodctl validate shows the same)");
            }
            return loaded.report().repository();
        }
    }
}
