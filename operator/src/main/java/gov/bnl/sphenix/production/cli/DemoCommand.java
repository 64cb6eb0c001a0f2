package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.report.LedgerReport;
import gov.bnl.sphenix.production.catalog.ledger.report.ReportGrouping;
import gov.bnl.sphenix.production.catalog.ledger.report.RunTypes;
import gov.bnl.sphenix.production.catalog.ledger.report.WeeklyReport;
import gov.bnl.sphenix.production.cli.report.ReportText;
import gov.bnl.sphenix.production.tools.demo.Demo;
import gov.bnl.sphenix.production.tools.demo.DemoSummary;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.tools.world.PassPace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prodctl demo}: the whole loop on this machine in a few minutes — commits to a specs
 * repository start and stop productions, the engine submits, harvests, escalates memory holds and
 * cleans up, and a table shows where each production stands.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run sPHENIX production end to end on this machine, in a few minutes.",
                "An embedded PostgreSQL with a synthetic catalog, a local specs repository and the local executor",
                "(or --batch condor); productions are started by commits and one is stopped by a git revert."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", description = "Where to build the demo (default: prodctl-demo-<time> in the temporary"
            + " directory, or in the shared directory of a personal HTCondor pool).")
    Path dir;

    @Option(names = "--specs", description = "The production-specs directory to start from (default: ${DEFAULT-VALUE}).",
            defaultValue = "production-specs")
    Path specs;

    @Option(names = "--batch", description = "local or condor (default: ${DEFAULT-VALUE}).", defaultValue = "local")
    String batch;

    @Option(names = "--runs", description = "Runs in the synthetic catalog (default: ${DEFAULT-VALUE}).", defaultValue = "45")
    int runs;

    @Option(names = "--seed", description = "Seed of the synthetic catalog (default: ${DEFAULT-VALUE}).", defaultValue = "7")
    long seed;

    @Option(names = "--interval", description = "Time between engine passes (default: ${DEFAULT-VALUE}).", defaultValue = "PT1S")
    Duration interval;

    @Option(names = "--timeout", description = "Give up after this long (default: ${DEFAULT-VALUE}).", defaultValue = "PT15M")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        boolean condor = batch.equals("condor");
        if (!batch.equals("local") && !batch.equals("condor")) {
            System.err.println("prodctl demo: --batch is local or condor, not " + batch);
            return 2;
        }
        // jobs on a pool see only its shared directory, and the pool remembers earlier demos' jobs;
        // otherwise the temporary directory, so that a demo run from a clone leaves its work tree clean
        Path root = DemoRoot.choose(Optional.ofNullable(dir), condor ? DemoRoot.poolShare() : Optional.empty(),
                Path.of(System.getProperty("java.io.tmpdir")), "prodctl-demo-" + stamp);
        String suffix = condor ? "-" + stamp.substring(stamp.length() - 6) : "";
        if (Files.exists(root) && Files.list(root).findAny().isPresent()) {
            System.err.println("prodctl demo: " + root + " is not empty; give another --dir");
            return 2;
        }
        if (!Files.isRegularFile(specs.resolve("catalogue.yaml"))) {
            System.err.println("prodctl demo: " + specs.toAbsolutePath() + " is not a production-specs directory;"
                    + " run from the repository root or give --specs");
            return 2;
        }
        // the test pool's jobs run as its own user, outside any group of ours: its directories must be open to all
        Function<Path, BatchSystem> batchSystem = DemoRoot.batchSystem(batch);
        out.println("prodctl demo: building the demo in " + root);
        if (condor) {
            LocalPool.openToPoolJobs(root);
        }
        try (DemoWorld world = DemoWorld.create(root, specs, runs, seed, batchSystem, suffix,
                DemoWorld.Payloads.TODAYS_SCRIPTS)) {
            out.println("prodctl demo: " + world.seeded() + "; specs repository " + world.specs().url());
            PassPace pace = new PassPace(interval, timeout);
            Demo demo = new Demo(world, out, pace, ProgressLine.display(out));
            Thread interrupt = ShutdownHooks.add(pace::stop, "demo-stop");
            DemoSummary summary;
            try {
                summary = demo.run();
            } finally {
                ShutdownHooks.remove(interrupt);
            }
            out.println();
            out.println(StatusTable.render(world.statuses()));
            out.println("left for inspection in " + root + ": data/ (dst, hist, log), specs-work/ (git log shows the"
                    + " story), postgres/ (the catalogs)");
            out.println("outputs deleted by the revert: " + summary.outputsDeleted());
            // the week's table, as the production meeting reads it, then the demo's own line
            out.println();
            out.print(weeklyReport(world));
            out.println(summary.lastLine());
            return summary.duplicateSubmissions() == 0 ? 0 : 1;
        }
    }

    /** The table {@code prodctl report} prints, from the demo's ledger: what the week's meeting would show. */
    private static String weeklyReport(DemoWorld world) throws SQLException {
        Catalogs catalogs = world.catalogs();
        WeeklyReport report = new LedgerReport(catalogs.ledger(), new RunTypes(catalogs.daq(), catalogs.retry()),
                catalogs.retry()).report(List.of(), List.of(ReportGrouping.DSTTYPE, ReportGrouping.RUNTYPE),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(7)));
        return "prodctl report:\n" + ReportText.text(report, "prior week");
    }
}
