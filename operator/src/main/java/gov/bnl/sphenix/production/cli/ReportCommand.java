package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.report.LedgerReport;
import gov.bnl.sphenix.production.catalog.ledger.report.ReportGrouping;
import gov.bnl.sphenix.production.catalog.ledger.report.RunTypes;
import gov.bnl.sphenix.production.catalog.ledger.report.WeeklyReport;
import gov.bnl.sphenix.production.cli.report.ReportData;
import gov.bnl.sphenix.production.cli.report.ReportText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl report}: the weekly production table (jobs submitted, started, ran, failed, held,
 * finished and events produced, in the recent period and to date, per product and run type) from
 * the ledger and its hold history, read only.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Print the weekly table: jobs submitted, started, ran, failed, held, finished and events",
                "produced per product and run type, in the prior week (or --since) and to date, from the ledger.",
                "Reads only; catalogs come from PRODOP_CATALOG_URL and friends, as for prodctl status."})
public final class ReportCommand implements Callable<Integer> {

    static final List<String> FORMATS = List.of("text", "markdown", "csv", "json");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PRODUCTION", description = "Only these productions (default: all).")
    List<String> productions = List.of();

    @Mixin
    LedgerReading reading = new LedgerReading();

    @Option(names = "--by", description = "Break the table down by these, comma-separated, among production, dsttype,"
            + " dataset, tag, runtype (default: ${DEFAULT-VALUE}).", defaultValue = "dsttype,runtype")
    String by;

    @Option(names = "--format", description = "text, markdown, csv or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    String format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!FORMATS.contains(format)) {
            err.println("prodctl report: --format is one of " + String.join(", ", FORMATS) + ", not " + format);
            return 2;
        }
        Since from;
        List<ReportGrouping> groupings;
        Catalogs catalogs;
        try {
            groupings = ReportGrouping.parse(by);
            from = reading.since();
            catalogs = reading.open();
        } catch (IllegalArgumentException | LedgerReading.Refused e) {
            err.println("prodctl report: " + e.getMessage());
            return 2;
        }
        try (catalogs) {
            WeeklyReport report = new LedgerReport(catalogs.ledger(), new RunTypes(catalogs.daq(), catalogs.retry()),
                    catalogs.retry()).report(productions, groupings, from.at());
            out.print(switch (format) {
                case "markdown" -> ReportText.markdown(report, from.label());
                case "csv" -> ReportData.csv(report, from.label());
                case "json" -> ReportData.json(report, from.label()) + "\n";
                default -> ReportText.text(report, from.label());
            });
            out.flush();
        }
        return 0;
    }
}
