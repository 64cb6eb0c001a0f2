package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.AuditEntry;
import gov.bnl.sphenix.production.catalog.ledger.AuditLog;
import gov.bnl.sphenix.production.source.Revision;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl history}: the audit log, oldest first — every submission, kill, release,
 * deletion, failure and every revision applied or rejected. Kubernetes Events expire after an
 * hour; this is kept.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Print what the operator did, oldest first: submissions, kills, releases, deletions, failures,",
                "revisions applied or rejected. Reads only; catalogs from PRODOP_CATALOG_URL, as for prodctl status."})
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PRODUCTION", description = "Only this production (default: all, and the"
            + " specs repository's own entries).")
    String production;

    @Mixin
    LedgerReading reading = new LedgerReading();

    @Option(names = "--limit", description = "At most this many entries, the latest (default: ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    int limit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1) {
            err.println("prodctl history: --limit must be at least 1, not " + limit);
            return 2;
        }
        Since from;
        Catalogs catalogs;
        try {
            from = reading.since();
            catalogs = reading.open();
        } catch (LedgerReading.Refused e) {
            err.println("prodctl history: " + e.getMessage());
            return 2;
        }
        try (catalogs) {
            List<AuditEntry> entries = new AuditLog(catalogs.ledger(), catalogs.retry())
                    .history(Optional.ofNullable(production), from.at(), limit);
            for (AuditEntry e : entries) {
                out.println(line(e));
            }
            out.println("history: " + entries.size() + " entries" + (entries.size() == limit ? " (the latest; --limit)" : "")
                    + " since " + from.at() + (production == null ? "" : " of " + production));
            out.flush();
        }
        return 0;
    }

    /** {@code <time>  <production>  <action>  [<subject>:] <detail>  (<revision>)}. */
    static String line(AuditEntry e) {
        StringBuilder line = new StringBuilder()
                .append(e.at().truncatedTo(ChronoUnit.SECONDS)).append("  ")
                .append(e.production().orElse("(specs)")).append("  ")
                .append(e.action()).append("  ")
                .append(e.detail());
        if (!e.revision().isEmpty()) {
            line.append("  (").append(Revision.shortId(e.revision())).append(')');
        }
        return line.toString();
    }
}
