package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.BatchSystems;
import gov.bnl.sphenix.production.batch.condor.BatchNamedJobs;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.source.CheckedOutSpecs;
import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.tools.takeover.ProductionJobsTable;
import gov.bnl.sphenix.production.tools.takeover.Takeover;
import gov.bnl.sphenix.production.tools.takeover.TakeoverReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prodctl import}: taking over from the tools the operator replaces. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Take over what another production tool started (see docs/migration.md).",
        subcommands = {ImportCommand.Sphenixprod.class, ImportSteerCommand.class})
final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code prodctl import sphenixprod}: adopts sphenixprod's queued, running and finished jobs. */
    @Command(name = "sphenixprod", mixinStandardHelpOptions = true,
            description = {"Adopt sphenixprod's jobs of the declared productions: rows of its production_jobs table",
                    "and its live jobs (JobBatchName, and the dbid that ends their arguments). Queued and running",
                    "jobs are marked with the operator's ClassAds and recorded in the ledger; finished jobs whose",
                    "output is in the FileCatalog are recorded as succeeded. Everything left alone is listed with",
                    "the reason. The operator's catalogs: PRODOP_CATALOG_URL and friends, as for prodctl run.",
                    "sphenixprod's database: --sphenixprod-db or SPHENIXPROD_DB_URL (a JDBC URL), with",
                    "SPHENIXPROD_DB_USER and SPHENIXPROD_DB_PASSWORD; it is only read."})
    static final class Sphenixprod implements Callable<Integer> {

        static final String DB_URL = "SPHENIXPROD_DB_URL";

        @Option(names = "--specs", defaultValue = ".", description = "The specs: a checked-out directory (default:"
                + " the current one).")
        Path specs;

        @Option(names = "--production", description = "Only these productions (repeat the option); default: every"
                + " declared production.")
        List<String> only = new ArrayList<>();

        @Option(names = "--source-name", defaultValue = "", description = "The specs source the operator runs these"
                + " productions under, for productions the ledger does not know yet (default: none, so that the"
                + " first source to declare them takes them).")
        String sourceName;

        @Option(names = "--schedd", description = "The schedd sphenixprod submitted to (-name).")
        String schedd;

        @Option(names = "--submit-user", description = "The owner of the jobs (default: the user the schedd sees"
                + " us as); it must be the owner the operator submits as.")
        String submitUser;

        @Option(names = "--sphenixprod-db", description = "sphenixprod's database, as a JDBC URL (default: $"
                + DB_URL + ").")
        String sphenixprodDb;

        @Option(names = "--dry-run", description = "Say what would be adopted; change nothing.")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        /** The process environment; tests give their own. */
        Map<String, String> environment = System.getenv();

        /** The pool to read and mark; tests give the one their world uses. */
        Optional<CondorSettings> condor = Optional.empty();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> problem = usageProblem();
            if (problem.isPresent()) {
                err.println("prodctl import sphenixprod: " + problem.get());
                err.flush();
                return 2;
            }
            try (CheckedOutSpecs repository = CheckedOutSpecs.open(specs)) {
                CheckedOutSpecs.Loaded loaded = repository.workingTree();
                if (!loaded.report().valid()) {
                    loaded.report().diagnostics().forEach(out::println);
                    out.println("import: " + loaded.report().errors().size() + " errors in " + loaded.label()
                            + "; nothing imported (prodctl validate shows the same)");
                    out.flush();
                    return 1;
                }
                List<Production> declared = loaded.report().repository().map(SpecRepository::productions)
                        .orElse(List.of());
                List<String> unknown = only.stream()
                        .filter(name -> declared.stream().noneMatch(p -> p.name().equals(name))).toList();
                if (!unknown.isEmpty()) {
                    err.println("prodctl import sphenixprod: " + specs + " declares no production " + unknown
                            + "; it declares " + declared.stream().map(Production::name).collect(Collectors.joining(", ")));
                    err.flush();
                    return 2;
                }
                List<Production> productions = only.isEmpty() ? declared
                        : declared.stream().filter(p -> only.contains(p.name())).toList();
                String revision = loaded.commit().map(Revision::commitId).orElse("import");
                CatalogSettings settings = CatalogSettings.fromEnvironment(environment);
                // a dry run opens the catalogs read-only: the server itself refuses any write
                try (Catalogs catalogs = dryRun ? Catalogs.openReadOnly(settings) : Catalogs.open(settings)) {
                    Takeover takeover = new Takeover(catalogs.ledger(), catalogs.fileCatalog(), catalogs.retry(),
                            Clock.systemUTC(), sphenixprodDatabase(), new BatchNamedJobs(condorSettings()));
                    TakeoverReport report = takeover.run(productions,
                            new Takeover.Options(dryRun, sourceName, revision));
                    out.print(report.render());
                    out.flush();
                    return 0;
                }
            }
        }

        private Optional<String> usageProblem() {
            if (!Files.isDirectory(specs)) {
                return Optional.of(specs + " is not a directory; give --specs the checked-out specs repository");
            }
            if (databaseUrl().isEmpty()) {
                return Optional.of("no sphenixprod database: give --sphenixprod-db jdbc:postgresql://host/db or set "
                        + DB_URL);
            }
            if (!databaseUrl().get().startsWith("jdbc:postgresql:")) {
                return Optional.of("the sphenixprod database " + databaseUrl().get()
                        + " is not a JDBC URL like jdbc:postgresql://host:5432/production");
            }
            if (CatalogSettings.fromEnvironment(environment).needsEmbeddedServer()) {
                return Optional.of("no catalog is configured: set PRODOP_CATALOG_URL (and friends) to the operator's"
                        + " catalogs, as for prodctl run");
            }
            return Optional.empty();
        }

        private Optional<String> databaseUrl() {
            return Optional.ofNullable(sphenixprodDb).or(() -> Optional.ofNullable(environment.get(DB_URL)))
                    .filter(url -> !url.isBlank());
        }

        private DataSource sphenixprodDatabase() {
            return ProductionJobsTable.readOnly(databaseUrl().orElseThrow(),
                    Optional.ofNullable(environment.get("SPHENIXPROD_DB_USER")),
                    Optional.ofNullable(environment.get("SPHENIXPROD_DB_PASSWORD")));
        }

        private CondorSettings condorSettings() {
            CondorSettings settings = condor.orElseGet(() -> BatchSystems.condorSettings(LocalPool.commandPrefix(),
                    Optional.empty()));
            settings = schedd == null ? settings : settings.withScheddName(schedd);
            return submitUser == null ? settings : settings.withSubmitUser(submitUser);
        }
    }
}
