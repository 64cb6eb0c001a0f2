package gov.bnl.sphenix.production.tools.chaos;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.spec.SpecRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Kills a real {@code prodctl run} process over and over while it works on a world, restarts
 * PostgreSQL or the schedd under it now and then, lets the last one converge, and audits the world
 * from its sources ({@link ChaosAudit}). The operator is a separate process started by
 * {@code operatorCommand}: a kill takes everything it had in memory, as a crash would.
 */
public final class ChaosRun {

    /** Between looks at the world while the last operator converges. */
    private static final Duration LOOK = Duration.ofSeconds(2);
    /** The share of kills that land while the operator starts (opening catalogs, migrating, fetching). */
    private static final double IN_START_UP = 0.2;
    /**
     * The share aimed at the submission protocol: right after condor_submit returned, before the
     * ledger has the jobs' ids (the next operator must adopt them, not submit them again).
     */
    private static final double AFTER_SUBMIT = 0.4;
    /** How long such a round waits for a submission before it kills anyway (the work may all be queued). */
    private static final Duration SUBMISSION_WAIT = Duration.ofSeconds(20);
    /** How long a restarted schedd has to answer again before the rounds go on without it. */
    private static final Duration SCHEDD_BACK = Duration.ofMinutes(2);
    /** How long an operator may take to start before the round gives up on seeing it work. */
    private static final Duration START_UP = Duration.ofMinutes(2);

    private final Path root;
    private final ChaosDatabase database;
    private final BatchSystem batch;
    private final List<String> operatorCommand;
    private final Map<String, String> environment;
    private final ChaosSettings settings;
    private final PrintStream out;
    private final Random random;
    private int kills;
    private int restarts;
    private int launches;

    /**
     * @param operatorCommand the command line of {@code prodctl run} on the world
     * @param environment     what the operator's environment adds (its catalogs, its batch system)
     */
    public ChaosRun(Path root, ChaosDatabase database, BatchSystem batch, List<String> operatorCommand,
                    Map<String, String> environment, ChaosSettings settings, PrintStream out) {
        this.root = root;
        this.database = database;
        this.batch = batch;
        this.operatorCommand = List.copyOf(operatorCommand);
        this.environment = new HashMap<>(environment);
        this.settings = settings;
        this.out = out;
        this.random = new Random(settings.seed());
    }

    /** The rounds, the convergence and the audit; what the run's last line says. */
    public ChaosOutcome run() throws InterruptedException, SQLException, IOException {
        SpecRepository specs = ChaosWorld.specs(root);
        for (int round = 1; round <= settings.rounds(); round++) {
            round(round);
        }
        // opened only now: PostgreSQL restarts during the rounds are the operators' trouble, not the audit's
        try (Catalogs catalogs = Catalogs.open(database.settings())) {
            ChaosAudit audit = new ChaosAudit(catalogs, batch, ChaosWorld.layout(root).dstRoot());
            settle(audit, specs);
            return new ChaosOutcome(kills, restarts, finalAudit(audit, specs));
        }
    }

    /**
     * One operator, killed at a random moment: most of them once they follow their specs (a kill
     * then lands in a pass or between two), some while they start.
     */
    private void round(int round) throws InterruptedException {
        OperatorProcess operator = launch("round " + round);
        double aim = random.nextDouble();
        String when;
        Duration life;
        if (aim < IN_START_UP) {
            when = "while it started";
            life = lifetime();
        } else {
            // an operator that exits while it starts ends the wait at once; its exit is told below
            if (!operator.following(START_UP) && !operator.endsWithin(Duration.ZERO)) {
                out.println("round " + round + ": the operator did not start within " + START_UP.toSeconds() + " s (see "
                        + log() + ")");
            }
            if (aim < IN_START_UP + AFTER_SUBMIT && operator.submits(SUBMISSION_WAIT)) {
                when = "right after a condor_submit";
                life = Duration.ofMillis(random.nextInt(300));
            } else {
                when = "in its passes";
                life = lifetime();
            }
        }
        String disturbance = "";
        boolean ended = false;
        if (settings.restartsDatabase(round) || settings.restartsSchedd(round)) {
            Duration before = life.dividedBy(2);
            ended = exitedBy(operator, before, round);
            disturbance = settings.restartsDatabase(round) ? restartDatabase() : restartSchedd();
            life = life.minus(before);
        }
        ended = ended || exitedBy(operator, life, round);
        Duration age = operator.age();
        operator.kill();
        if (ended) {
            // nothing was killed: the summary counts only kills that hit a running operator
            out.printf("round %d: no kill, it had ended%s%n", round, disturbance);
        } else {
            kills++;
            out.printf("round %d: kill -9 %.1f s after its start, %s%s%n", round, age.toMillis() / 1000.0, when,
                    disturbance);
        }
        out.flush();
    }

    /** Whether the operator ended by itself within {@code time}; says so. */
    private boolean exitedBy(OperatorProcess operator, Duration time, int round) throws InterruptedException {
        if (operator.endsWithin(time)) {
            out.println("round " + round + ": the operator exited by itself with " + operator.exitCode() + " (see "
                    + log() + ")");
            return true;
        }
        return false;
    }

    /** The audit, asked again a few times while the schedd does not answer (it may be reading a long queue). */
    private ChaosFindings finalAudit(ChaosAudit audit, SpecRepository specs) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return audit.audit(specs);
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
                out.println("audit: " + e.getMessage() + "; asking again");
                new CountDownLatch(1).await(LOOK.toMillis() * 5, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The last operator runs until the world has settled (or the timeout), then stops as asked to. */
    private void settle(ChaosAudit audit, SpecRepository specs) throws InterruptedException, SQLException {
        out.println("converging: one more operator, left alone until every desired key is done"
                + " (at most " + settings.settleTimeout().toSeconds() + " s)");
        out.flush();
        Instant deadline = Instant.now().plus(settings.settleTimeout());
        Instant started = Instant.now();
        OperatorProcess operator = launch("convergence");
        while (!audit.settled(specs)) {
            if (Instant.now().isAfter(deadline)) {
                out.println("converging: not settled after " + settings.settleTimeout().toSeconds() + " s");
                break;
            }
            if (operator.endsWithin(LOOK)) {
                out.println("converging: the operator exited by itself with " + operator.exitCode()
                        + "; starting another (see " + log() + ")");
                operator = launch("convergence, again");
            }
        }
        operator.stop(Duration.ofMinutes(2));
        out.printf("converged in %d s%n", Duration.between(started, Instant.now()).toSeconds());
        out.flush();
    }

    private OperatorProcess launch(String what) {
        launches++;
        return OperatorProcess.start(operatorCommand, environment, log(), "operator " + launches + " (" + what + ")");
    }

    /** Uniform between the shortest and the longest life: a kill lands anywhere in start-up, a pass, or a pause. */
    private Duration lifetime() {
        long span = settings.longest().minus(settings.shortest()).toMillis();
        return settings.shortest().plusMillis(span == 0 ? 0 : (long) (random.nextDouble() * span));
    }

    private String restartDatabase() {
        long start = System.nanoTime();
        database.restart();
        restarts++;
        return String.format(", PostgreSQL restarted under it (%d ms down)", (System.nanoTime() - start) / 1_000_000);
    }

    private String restartSchedd() throws InterruptedException {
        try {
            Process restart = new ProcessBuilder(settings.scheddRestart()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
            if (!restart.waitFor(60, TimeUnit.SECONDS)) {
                restart.destroyForcibly();
                return ", the schedd restart did not finish within 60 s";
            }
            if (restart.exitValue() != 0) {
                return ", the schedd restart failed with " + restart.exitValue();
            }
            restarts++;
            return ", schedd restarted under it (" + answeringAgain() + ")";
        } catch (IOException e) {
            return ", the schedd could not be restarted: " + e.getMessage();
        }
    }

    /**
     * Waits, at most {@link #SCHEDD_BACK}, until the schedd answers again: a named schedd is found
     * through the collector, which learns its new address only once it has started (10–20 s on the
     * test pool), and an operator started before then refuses to start, so the next rounds would
     * kill nothing.
     */
    private String answeringAgain() throws InterruptedException {
        long start = System.nanoTime();
        while (!batch.health().reachable()) {
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(SCHEDD_BACK) > 0) {
                return "not answering after " + SCHEDD_BACK.toSeconds() + " s";
            }
            new CountDownLatch(1).await(LOOK.toMillis() / 4, TimeUnit.MILLISECONDS);
        }
        return String.format(Locale.ROOT, "answering again after %.1f s", (System.nanoTime() - start) / 1e9);
    }

    /** Where every operator's output goes, one after another. */
    public Path log() {
        return root.resolve("prodctl-run.log");
    }

    /** A chaos run's counts and what its audit found. */
    public record ChaosOutcome(int kills, int restarts, ChaosFindings findings) {

        /** {@code chaos: <n> kills, <r> restarts, 0 duplicates, 0 lost outputs, 0 orphans, <k> keys done}. */
        public String lastLine() {
            return "chaos: " + kills + " kills, " + restarts + " restarts, " + findings.duplicates().size()
                    + " duplicates, " + findings.lostOutputs().size() + " lost outputs, " + findings.orphans().size()
                    + " orphans, " + findings.keysDone() + " keys done";
        }

        /** Whether the run proves what it should: work was done, with no defect, and every desired key done. */
        public boolean passed() {
            return findings.clean() && findings.keysDesired() > 0;
        }

        public List<String> problems() {
            List<String> problems = new ArrayList<>(findings.problems());
            if (findings.keysDesired() == 0) {
                problems.add("the world gave the operators no work: its catalogs make no key ready, which proves nothing");
            }
            return problems;
        }
    }
}
