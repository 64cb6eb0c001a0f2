package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.BatchSystems;
import gov.bnl.sphenix.production.batch.ScheddAssignment;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.cli.plan.PlanOutput;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.guard.RemovalLimits;
import gov.bnl.sphenix.production.control.observe.CatalogObservation;
import gov.bnl.sphenix.production.control.preview.PlanPreview;
import gov.bnl.sphenix.production.control.preview.Preview;
import gov.bnl.sphenix.production.control.preview.SpecChange;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import gov.bnl.sphenix.production.source.CheckedOutSpecs;
import gov.bnl.sphenix.production.source.CheckedOutSpecs.Loaded;
import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.InPlaceIdentityCheck;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.ValidationReport;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl plan}: what merging a revision of the specs would do, production by production,
 * from the planner run on the head revision against the catalogs, the ledger and the batch queue,
 * changing nothing. Exit 0 when merging is safe, 1 on invalid specs, 2 on bad usage, 3 when it
 * would kill jobs or delete outputs (so that a CI can ask for an explicit approval).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what merging a revision of the specs would do: per production added, changed or",
                "removed, and the jobs the next pass would submit, kill and the outputs it would delete.",
                "Reads the catalogs (PRODOP_CATALOG_URL and friends, as for prodctl run; SELECT is enough),",
                "the ledger and the batch queue; changes nothing. Without a catalog, the spec-level diff only.",
                "Exit: 0 safe to merge; 1 invalid specs; 2 bad usage; 3 would kill jobs or delete outputs."})
final class PlanCommand implements Callable<Integer> {

    enum Format { text, markdown, json }

    @Option(names = "--specs", defaultValue = ".", description = "The specs: a checked-out directory (default: the"
            + " current one).")
    Path specs;

    @Option(names = "--base", description = "The revision compared against (default: the revision in force, from the"
            + " ledger with --source-name; else HEAD when the head is the working tree, else the head's first parent).")
    String base;

    @Option(names = "--head", description = "The revision that would be applied (default: the working tree).")
    String head;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown (a pull-request comment) or json.")
    Format format;

    @Option(names = "--offline", description = "Read no catalog and no queue: the spec-level diff only.")
    boolean offline;

    @Option(names = "--source-name", description = "What prodctl run or the operator calls this specs source in the"
            + " ledger: the revision in force and the removals under way are read under this name.")
    String sourceName;

    @Option(names = "--batch", defaultValue = "condor", description = "Where the jobs are: condor (read with condor_q"
            + " and condor_history only) or none (job counts unavailable).")
    String batch;

    @Option(names = "--schedd", paramLabel = "NAME", description = "With --batch condor: the schedd to read (-name);"
            + " repeat it for a source on several schedds, as prodctl run is given them.")
    List<String> schedds = new ArrayList<>();

    @Option(names = "--pool", paramLabel = "HOST[:PORT]", description = "With --batch condor: the central manager that"
            + " knows the schedds (-pool).")
    String pool;

    @Option(names = "--submit-user", description = "With --batch condor: the owner of the operator's jobs.")
    String submitUser;

    @Option(names = "--max-removals", defaultValue = "5", description = "The operator's limit on productions one"
            + " revision removes unconfirmed (as its ProductionSource or prodctl run sets it; default: ${DEFAULT-VALUE}).")
    int maxRemovals;

    @Option(names = "--max-kills", defaultValue = "1000", description = "The operator's limit on jobs one revision's"
            + " removals kill unconfirmed (default: ${DEFAULT-VALUE}).")
    int maxKills;

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Spec
    CommandSpec spec;

    /** The process environment; tests give their own. */
    Map<String, String> environment = System.getenv();

    /** The queue to read; tests give the one their world's engine uses. */
    Optional<BatchSystem> batchSystem = Optional.empty();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(specs)) {
            err.println("prodctl plan: " + specs + " is not a directory; give --specs the checked-out specs repository");
            return 2;
        }
        PlannerSettings operating;
        try {
            operating = limits.settings();
        } catch (IllegalArgumentException e) {
            err.println("prodctl plan: " + e.getMessage());
            return 2;
        }
        if (!batch.equals("condor") && !batch.equals("none")) {
            err.println("prodctl plan: --batch is condor or none, not " + batch);
            return 2;
        }
        try (CheckedOutSpecs repository = CheckedOutSpecs.open(specs)) {
            Loaded headSpecs = head == null ? repository.workingTree() : repository.at(head);
            if (!headSpecs.report().valid()) {
                headSpecs.report().diagnostics().forEach(out::println);
                out.println("plan: " + headSpecs.report().errors().size() + " errors in " + headSpecs.label()
                        + "; nothing planned (prodctl validate shows the same)");
                out.flush();
                return 1;
            }
            CatalogSettings catalogSettings = CatalogSettings.fromEnvironment(environment);
            Optional<String> noCounts = offline ? Optional.of("--offline")
                    : catalogSettings.needsEmbeddedServer() ? Optional.of("no catalog is configured (PRODOP_CATALOG_URL)")
                    : batch.equals("none") && batchSystem.isEmpty() ? Optional.of("--batch none") : Optional.empty();
            if (noCounts.isPresent()) {
                return specLevel(repository, headSpecs, noCounts.get(), out, err);
            }
            Catalogs catalogs;
            try {
                catalogs = Catalogs.openReadOnly(catalogSettings);
            } catch (RuntimeException unreachable) {
                return specLevel(repository, headSpecs, "the catalogs could not be read ("
                        + unreachable.getMessage() + ")", out, err);
            }
            try (catalogs) {
                Clock clock = Clock.systemUTC();
                // only the planner's settings matter: a plan writes no file, so the trees are never made
                EngineSettings settings = EngineSettings.under(Path.of("plan-writes-nothing"), Path.of("payloads"))
                        .withPlanner(operating);
                Loaded baseSpecs = base != null ? repository.at(base)
                        : inForce(catalogs, repository, err).orElseGet(() -> baseWithoutLedger(repository, headSpecs, err));
                if (refusesIdentityChanges(repository, baseSpecs, headSpecs, out)) {
                    return 1;
                }
                List<SpecChange> changes = SpecChange.between(baseProductions(baseSpecs, err), productions(headSpecs));
                BatchSystem queue = batchSystem.orElseGet(() -> BatchSystems.open("condor", condorSchedds(), ScheddAssignment.SPREAD_BY_LOAD));
                PlanPreview preview = new PlanPreview(EngineAssembly.ports(catalogs, settings, clock), queue, settings,
                        clock);
                Preview plan;
                try {
                    plan = preview.plan(baseSpecs.label(), headSpecs.label(), changes,
                            headSpecs.report().repository().orElseThrow().catalogue(), sourceName == null ? "" : sourceName);
                } catch (SQLException | CatalogObservation.ObservationFailed failed) {
                    plan = new Preview(baseSpecs.label(), headSpecs.label(), changes, Optional.empty(),
                            Optional.of("the catalogs could not be read (" + failed.getMessage() + ")"), Optional.empty());
                }
                return print(out, plan);
            }
        } catch (IllegalArgumentException e) {
            err.println("prodctl plan: " + e.getMessage());
            return 2;
        }
    }

    /**
     * A production that changes its identity between base and head is an error, as in
     * {@code prodctl validate --base}: printed, with the last line of invalid specs. True when any.
     */
    private static boolean refusesIdentityChanges(CheckedOutSpecs repository, Loaded baseSpecs, Loaded headSpecs,
                                                  PrintWriter out) {
        List<Diagnostic> changes = InPlaceIdentityCheck.check(productions(baseSpecs), productions(headSpecs),
                repository.tree(headSpecs));
        if (changes.isEmpty()) {
            return false;
        }
        changes.forEach(out::println);
        out.println("plan: " + changes.size() + " errors in " + headSpecs.label()
                + "; nothing planned (prodctl validate --base " + baseSpecs.commit().map(Revision::shortId).orElse("REV")
                + " shows the same)");
        out.flush();
        return true;
    }

    /** The spec-level diff only, saying why the job counts are missing. */
    private int specLevel(CheckedOutSpecs repository, Loaded headSpecs, String why, PrintWriter out, PrintWriter err) {
        Loaded baseSpecs = baseWithoutLedger(repository, headSpecs, err);
        if (refusesIdentityChanges(repository, baseSpecs, headSpecs, out)) {
            return 1;
        }
        return print(out, new Preview(baseSpecs.label(), headSpecs.label(),
                SpecChange.between(baseProductions(baseSpecs, err), productions(headSpecs)), Optional.empty(),
                Optional.of(why), Optional.empty()));
    }

    private int print(PrintWriter out, Preview plan) {
        Preview preview = plan.held(plan.guardVerdict(new RemovalLimits(maxRemovals, maxKills)));
        int exit = preview.destructive() ? 3 : 0;
        out.print(PlanOutput.render(preview, format.name(), exit));
        out.flush();
        return exit;
    }

    /**
     * The revision in force for this source, read from the ledger: the one its live productions
     * were last recorded under. Empty, with a word on the error stream, when none can be told.
     */
    private Optional<Loaded> inForce(Catalogs catalogs, CheckedOutSpecs repository, PrintWriter err)
            throws SQLException {
        if (sourceName == null) {
            err.println("prodctl plan: no --source-name, so the revision in force is not looked up in the ledger");
            return Optional.empty();
        }
        Optional<String> commit = new ProductionRegistry(catalogs.ledger(), catalogs.retry()).ofSource(sourceName)
                .stream()
                .filter(r -> r.state() == ProductionState.ACTIVE || r.state() == ProductionState.SUSPENDED)
                .max(Comparator.comparing(ProductionRecord::updatedAt)).map(ProductionRecord::revision);
        if (commit.isEmpty()) {
            err.println("prodctl plan: the ledger has no production of source " + sourceName + " in force");
            return Optional.empty();
        }
        if (!repository.knows(commit.get())) {
            throw new IllegalArgumentException("the revision in force, " + Revision.shortId(commit.get())
                    + ", is not in this clone: fetch it (git fetch origin) or give --base");
        }
        return Optional.of(repository.at(commit.get()));
    }

    /** HEAD when the head is the working tree, else the head's first parent; no specs when neither exists. */
    private Loaded baseWithoutLedger(CheckedOutSpecs repository, Loaded headSpecs, PrintWriter err) {
        if (base != null) {
            return repository.at(base);
        }
        if (!repository.hasCommits()) {
            return nothing("no revision (not a git repository)");
        }
        if (headSpecs.commit().isEmpty()) {
            return repository.at("HEAD");
        }
        return repository.firstParent(headSpecs.commit().get()).map(p -> repository.at(p.commitId()))
                .orElseGet(() -> nothing("no revision (the head has no parent)"));
    }

    private static Loaded nothing(String label) {
        return new Loaded(label, Optional.empty(), new ValidationReport(
                Optional.of(new SpecRepository(new ProductCatalogue(Map.of(), Map.of()), Map.of(), List.of())),
                List.of(), 0));
    }

    private static List<Production> productions(Loaded loaded) {
        return loaded.report().repository().map(SpecRepository::productions).orElse(List.of());
    }

    /** A base that does not load (it should: it was in force) compares as empty, and says so. */
    private static List<Production> baseProductions(Loaded loaded, PrintWriter err) {
        if (!loaded.report().valid()) {
            err.println("prodctl plan: the base " + loaded.label() + " has " + loaded.report().errors().size()
                    + " errors (first: " + loaded.report().errors().get(0) + "); every production compares as added");
        }
        return productions(loaded);
    }

    // a preview only reads: where new jobs would go does not matter here
    List<CondorSettings> condorSchedds() {
        return BatchSystems.condorSchedds(schedds, Optional.ofNullable(pool), Optional.ofNullable(submitUser));
    }
}
