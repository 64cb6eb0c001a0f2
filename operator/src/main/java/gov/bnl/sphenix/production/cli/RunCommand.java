package gov.bnl.sphenix.production.cli;

import gov.bnl.sphenix.production.batch.BatchSystems;
import gov.bnl.sphenix.production.batch.ScheddAssignment;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.control.SourceReport;
import gov.bnl.sphenix.production.control.guard.Confirmation;
import gov.bnl.sphenix.production.control.guard.RemovalLimits;
import gov.bnl.sphenix.production.source.GitUrls;
import gov.bnl.sphenix.production.source.SshIdentity;
import gov.bnl.sphenix.production.spec.names.Layout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prodctl run}: the reconcile loop without Kubernetes. Every interval it fetches the specs
 * branch, applies a new valid head, and runs one engine pass. On SIGTERM (or Ctrl-C) it finishes
 * the pass in progress — every step of which is safe to stop after, but a pass is allowed to end
 * cleanly — and exits.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Reconcile continuously: follow a specs repository and converge the catalogs and the batch queue to it.",
                "Catalogs come from PRODOP_CATALOG_URL and friends (see docs/catalog.md); without one, an embedded PostgreSQL."})
public final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    LogFormatOption logFormat;

    @Spec
    CommandSpec spec;

    @Option(names = "--specs", required = true, description = "URL of the specs repository (file://, https://).")
    String specsUrl;

    @Option(names = "--branch", description = "Branch whose head is the desired state (default: ${DEFAULT-VALUE}).",
            defaultValue = "main")
    String branch;

    @Option(names = "--path", description = "Sub-directory of the repository holding the specs (default: the top).",
            defaultValue = "")
    String path;

    @Option(names = "--source-name", description = "What this specs source is called in the ledger, which several"
            + " sources may share (default: <specs>@<branch>[:<path>]); keep it when the repository moves.")
    String sourceName;

    @Option(names = "--ssh-key", description = "Private key for an ssh:// specs repository (with --known-hosts).")
    Path sshKey;

    @Option(names = "--known-hosts", description = "known_hosts file naming the ssh server's key; an unknown server is refused.")
    Path knownHosts;

    @Option(names = "--work", description = "Directory for the git mirror and, unless given below, the file trees"
            + " (default: ${DEFAULT-VALUE}).", defaultValue = "prodctl-work")
    Path work;

    @Option(names = "--dst-root", description = "Final tree of DSTs (default: <work>/data/dst).")
    Path dstRoot;

    @Option(names = "--hist-root", description = "Final tree of histograms (default: <work>/data/hist).")
    Path histRoot;

    @Option(names = "--log-root", description = "Tree of job logs and manifests (default: <work>/data/log).")
    Path logRoot;

    @Option(names = "--filesystem-root", paramLabel = "DIR", description = "A further tree a rule's 'filesystem' block"
            + " may place outputs, histograms or logs in (repeatable; also PRODOP_FILESYSTEM_ROOTS, ':'-separated)."
            + " A rule placing files anywhere else is not submitted.")
    List<Path> filesystemRoots = new ArrayList<>();

    @Option(names = "--staging-root", description = "Where jobs publish before the harvest (default: <work>/data/staging).")
    Path stagingRoot;

    @Option(names = "--payloads", description = "Where the rules' scripts are installed on the workers (default: <work>/payloads).")
    Path payloads;

    @Option(names = "--payload-root", description = "The payload shelf: each spec commit's payload files and the"
            + " worker-side helpers, on a file system the workers mount (default: <work>/data/payloads).")
    Path payloadRoot;

    @Option(names = "--batch", description = "local or condor (default: ${DEFAULT-VALUE}).", defaultValue = "local")
    String batch;

    @Option(names = "--schedd", paramLabel = "NAME", description = "With --batch condor: the schedd every HTCondor tool"
            + " talks to (-name); default: the tools' own. Repeat it for several schedds: each is read once per pass,"
            + " and a production's jobs go to the one --assign names, else to the one holding the fewest live jobs.")
    List<String> schedds = new ArrayList<>();

    @Option(names = "--pool", paramLabel = "HOST[:PORT]", description = "With --batch condor: the central manager that"
            + " knows the schedds (-pool); default: the tools' COLLECTOR_HOST.")
    String pool;

    @Option(names = "--assign", paramLabel = "PRODUCTION=SCHEDD", description = "With several --schedd: the production's"
            + " jobs go to this schedd only (repeatable).")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--submit-user", description = "With --batch condor: the owner of the operator's jobs; only jobs of"
            + " this owner are ever read, changed or removed (default: the user the schedd sees the tools as).")
    String submitUser;

    @Option(names = "--interval", description = "Time between passes (default: ${DEFAULT-VALUE}).", defaultValue = "PT60S")
    Duration interval;

    @Option(names = "--once", description = "One pass, then exit (for cron, or to see what a pass does).")
    boolean once;

    @Option(names = "--max-removals", description = "A commit removing more productions than this waits for a"
            + " confirmation (its merge commit's trailer 'Prodctl-Allow-Removal: <n>', or --allow-removal);"
            + " 0: every removal waits, -1: no limit (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int maxRemovals;

    @Option(names = "--max-kills", description = "A commit whose removals would kill more live jobs than this waits"
            + " likewise; -1: no limit (default: ${DEFAULT-VALUE}).", defaultValue = "1000")
    int maxKills;

    @Option(names = "--allow-removal", paramLabel = "COMMIT", description = "Confirms the commit with this id (7 or"
            + " more characters) whatever it removes, without a trailer.")
    String allowRemoval;

    /** The process environment; tests give their own. */
    Map<String, String> environment = System.getenv();

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PlannerSettings planner;
        try {
            planner = limits.settings();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("prodctl run: " + e.getMessage());
            return 2;
        }
        Path root = work.toAbsolutePath();
        Path data = root.resolve("data");
        List<Path> ruleRoots = new ArrayList<>();
        filesystemRoots.forEach(r -> ruleRoots.add(r.toAbsolutePath().normalize()));
        try {
            ruleRoots.addAll(Layout.rootsFrom(environment.get(Layout.FILESYSTEM_ROOTS)));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("prodctl run: " + e.getMessage());
            return 2;
        }
        EngineSettings settings = new EngineSettings(new Layout(orElse(dstRoot, data.resolve("dst")),
                orElse(logRoot, data.resolve("log")), orElse(histRoot, data.resolve("hist"))).withRuleRoots(ruleRoots),
                orElse(stagingRoot, data.resolve("staging")), orElse(payloads, root.resolve("payloads")), "lustre",
                planner, 500, 10_000)
                .withPayloadRoot(orElse(payloadRoot, data.resolve("payloads")));
        Thread hook = ShutdownHooks.add(this::shutDown, "prodctl-run-stop");
        if ((sshKey == null) != (knownHosts == null)) {
            spec.commandLine().getErr().println("prodctl run: --ssh-key and --known-hosts go together");
            return 2;
        }
        Optional<SshIdentity> ssh = sshKey == null ? Optional.empty() : Optional.of(new SshIdentity(sshKey, knownHosts));
        // a token stays out of the command line, where any user's ps would show it
        Optional<CredentialsProvider> https = Optional.ofNullable(environment.get("PRODOP_GIT_PASSWORD"))
                .map(password -> new UsernamePasswordCredentialsProvider(
                        environment.getOrDefault("PRODOP_GIT_USERNAME", "git"), password));
        try (EngineAssembly assembly = EngineAssembly.open(specsUrl, branch, path, Optional.ofNullable(sourceName), root.resolve("git-cache"), https, ssh, CatalogSettings.fromEnvironment(environment), () -> BatchSystems.open(batch, condorSchedds(), ScheddAssignment.parse(assignments)), settings)) {
            out.println("prodctl run: following " + GitUrls.redact(specsUrl) + " (" + branch + ") every " + interval
                    + (once ? " (one pass)" : "") + "; stop with Ctrl-C or SIGTERM");
            out.flush();
            int passesWithErrors = 0;
            do {
                try {
                    SourceReport source = assembly.engine().refresh(removalLimits(), confirmation());
                    PassReport pass = assembly.engine().pass();
                    report(out, source, pass);
                    passesWithErrors = pass.errors().isEmpty() ? 0 : passesWithErrors + 1;
                } catch (SQLException | RuntimeException e) {
                    // a database restart or a bad answer must not end the loop: the next pass starts over
                    out.println("error: the pass failed: " + e.getMessage() + "; trying again in " + interval);
                    out.flush();
                    passesWithErrors++;
                }
            } while (!once && !stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
            return passesWithErrors == 0 ? 0 : 1;
        } finally {
            stopped.countDown();
            ShutdownHooks.remove(hook);
        }
    }

    /** Runs on SIGTERM: ask the loop to stop, and wait for the pass in progress to end. */
    void shutDown() {
        stop.countDown();
        try {
            if (!stopped.await(5, TimeUnit.MINUTES)) {
                System.err.println("prodctl run: the pass in progress did not end within 5 minutes; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How much one commit may remove before it waits for a confirmation. */
    RemovalLimits removalLimits() {
        return new RemovalLimits(maxRemovals, maxKills);
    }

    /** The commit {@code --allow-removal} confirms, and how to give it, for the Blocked message. */
    Confirmation confirmation() {
        return new Confirmation(Optional.ofNullable(allowRemoval), "restart prodctl run with --allow-removal %s");
    }

    private static void report(PrintWriter out, SourceReport source, PassReport pass) {
        source.fetchError().ifPresent(e -> out.println("source: " + e));
        source.rejected().forEach(d -> out.println("source: " + d));
        source.blocked().ifPresent(b -> out.println("source: blocked: " + b.message()));
        for (ProductionStanding status : pass.statuses()) {
            out.println(ProgressLine.of(status));
        }
        pass.errors().forEach(e -> out.println("error: " + e));
        out.flush();
    }

    private static Path orElse(Path given, Path otherwise) {
        return (given != null ? given : otherwise).toAbsolutePath();
    }

    /** The settings of the first (or only) schedd. */
    CondorSettings condorSettings() {
        return condorSchedds().get(0);
    }

    /** One settings per {@code --schedd}, or the tools' default schedd when none is given. */
    List<CondorSettings> condorSchedds() {
        return BatchSystems.condorSchedds(schedds, Optional.ofNullable(pool), Optional.ofNullable(submitUser));
    }
}
