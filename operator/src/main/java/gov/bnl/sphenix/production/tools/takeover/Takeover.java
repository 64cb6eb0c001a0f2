package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.batch.condor.BatchNamedJobs;
import gov.bnl.sphenix.production.batch.condor.BatchNamedJobs.NamedJob;
import gov.bnl.sphenix.production.catalog.files.FileLocations;
import gov.bnl.sphenix.production.catalog.ledger.AuditEntry;
import gov.bnl.sphenix.production.catalog.ledger.AuditLog;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.AdoptedJob;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRecord;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.control.harvest.StagingDbid;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.Production;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Takes over sphenixprod's jobs of the declared productions: reads its {@code production_jobs}
 * table and the live queue, decides ({@link TakeoverPlanner}) and, unless it is a dry run, adopts.
 *
 * <p>A live job is first marked with our ClassAds ({@code ProdOpJobKey}, {@code ProdOpProduction},
 * {@code ProdOpToken}) and only then recorded in the ledger. In that order a crash in between
 * leaves a marked job without a row, which the engine's next pass adopts by itself; the other
 * order would leave a live row whose job the engine cannot see, and it would submit the key again.
 */
public final class Takeover {

    /** The batch token of an adopted job: where it came from, and which row. */
    static final String TOKEN_PREFIX = StagingDbid.ADOPTED_PREFIX;

    /** What the import was asked to do. */
    public record Options(boolean dryRun, String sourceName, String revision) {
        public Options {
            Objects.requireNonNull(sourceName, "sourceName");
            Objects.requireNonNull(revision, "revision");
        }
    }

    private final DataSource ledger;
    private final DataSource fileCatalog;
    private final Retry retry;
    private final Clock clock;
    private final ProductionJobsTable table;
    private final BatchNamedJobs queue;

    public Takeover(DataSource ledger, DataSource fileCatalog, Retry retry, Clock clock, DataSource sphenixprod,
                    BatchNamedJobs queue) {
        this.ledger = ledger;
        this.fileCatalog = fileCatalog;
        this.retry = retry;
        this.clock = clock;
        this.table = new ProductionJobsTable(sphenixprod);
        this.queue = queue;
    }

    public TakeoverReport run(List<Production> productions, Options options) throws SQLException {
        DeclaredProductions declared = new DeclaredProductions(productions);
        Set<String> datasets = new TreeSet<>();
        Set<String> tags = new TreeSet<>();
        for (Production p : productions) {
            datasets.add(p.rule().params().dataset());
            tags.add(p.rule().params().tag().toString());
        }
        List<SphenixprodRow> rows = table.rows(datasets, tags);
        List<NamedJob> live = queue.live();
        FileLocations files = new FileLocations(fileCatalog, retry);
        TakeoverPlanner planner = new TakeoverPlanner(declared, lfns -> files.locate(lfns).keySet());
        List<Adoption> decisions = planner.plan(rows, live, ledgerStates(productions));
        List<Adoption> done = options.dryRun() ? decisions : apply(decisions, options);
        return new TakeoverReport(productions, done, options.dryRun(), rows.size(), live.size());
    }

    private Map<String, Map<JobKey, LedgerState>> ledgerStates(List<Production> productions) throws SQLException {
        JobLedger jobs = new JobLedger(ledger, retry, clock);
        Map<String, Map<JobKey, LedgerState>> states = new HashMap<>();
        if (!ledgerExists()) {
            // a dry run before the operator ever opened its catalogs for writing: nothing is recorded yet
            return states;
        }
        for (Production p : productions) {
            Map<JobKey, LedgerState> of = new HashMap<>();
            jobs.jobs(p.name(), EnumSet.allOf(LedgerState.class), job -> of.put(job.key().job(), job.state()));
            states.put(p.name(), of);
        }
        return states;
    }

    private boolean ledgerExists() throws SQLException {
        try (Connection c = ledger.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, "job");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Adoption> apply(List<Adoption> decisions, Options options) throws SQLException {
        JobTransitions transitions = new JobTransitions(ledger, retry, clock);
        ProductionRegistry registry = new ProductionRegistry(ledger, retry);
        Map<String, String> revisions = new HashMap<>();
        List<Adoption> applied = new ArrayList<>(decisions.size());
        List<AuditEntry> audit = new ArrayList<>();
        Instant now = clock.instant();
        for (Adoption decision : decisions) {
            Adoption outcome = decision;
            if (decision instanceof Adoption.Live live) {
                String revision = revisionOf(registry, live.production(), options, revisions);
                outcome = adoptLive(transitions, live, revision);
            } else if (decision instanceof Adoption.Done d) {
                String revision = revisionOf(registry, d.production(), options, revisions);
                outcome = adoptDone(transitions, d, revision);
            }
            applied.add(outcome);
            if (outcome instanceof Adoption.Live || outcome instanceof Adoption.Done) {
                audit.add(auditEntry(now, outcome, options.revision()));
            }
        }
        new AuditLog(ledger, retry).append(audit);
        return applied;
    }

    private Adoption adoptLive(JobTransitions transitions, Adoption.Live live, String revision) throws SQLException {
        Production p = live.production();
        String token = TOKEN_PREFIX + live.row().dbid();
        String rerun = p.rerunTokenFor(live.key().run());
        if (!queue.mark(live.job(), p.name(), new BatchNamedJobs.Marks(live.key(), token, rerun))) {
            return new Adoption.Refused(Optional.of(p), "job " + live.job().id() + " of " + live.row().describe(),
                    "it left the queue or changed while importing; run the import again");
        }
        int requestMib = live.job().requestMemoryMib() > 0 ? live.job().requestMemoryMib() : p.memory().firstMib();
        LedgerState state = switch (live.job().state()) {
            case RUNNING -> LedgerState.RUNNING;
            case HELD -> LedgerState.HELD;
            default -> LedgerState.QUEUED;
        };
        boolean recorded = transitions.adopt(new AdoptedJob(LedgerKey.of(p, live.key()), state, requestMib,
                live.job().id().cluster(), live.job().id().proc(), token, revision, rerun,
                live.job().queuedAt().orElse(clock.instant()), live.job().id().schedd()));
        // not recorded: a live row holds the key since the plan was made; the marked job is then a
        // duplicate the engine's next pass removes, which is what it would be anyway
        return recorded ? live : new Adoption.Refused(Optional.of(p), "job " + live.job().id(), "the ledger took "
                + live.key() + " while importing; the engine keeps its own job and removes this one");
    }

    private Adoption adoptDone(JobTransitions transitions, Adoption.Done done, String revision) throws SQLException {
        Production p = done.production();
        // a finished row's batch ids only say where it ran; 0.0 when sphenixprod never learnt them
        boolean recorded = transitions.adopt(new AdoptedJob(LedgerKey.of(p, done.key()), LedgerState.SUCCEEDED,
                p.memory().firstMib(), done.row().clusterId().orElse(0), done.row().procId().orElse(0),
                TOKEN_PREFIX + done.row().dbid(), revision, p.rerunTokenFor(done.key().run()), clock.instant()));
        return recorded ? done : new Adoption.Already(p, done.key());
    }

    /** The production's revision in the ledger, recorded first when the ledger does not know it (a row needs it). */
    private String revisionOf(ProductionRegistry registry, Production p, Options options, Map<String, String> revisions)
            throws SQLException {
        String known = revisions.get(p.name());
        if (known != null) {
            return known;
        }
        Optional<ProductionRecord> record = registry.find(p.name());
        String revision = record.map(ProductionRecord::revision).orElse(options.revision());
        // one the engine wrote stays as it is; a new one is the engine's to update on its first pass
        if (record.isEmpty() && !registry.record(options.sourceName(), new ProductionRecord(p.name(), p.specHash(),
                options.revision(), p.submit() ? ProductionState.ACTIVE : ProductionState.SUSPENDED, clock.instant()),
                Map.of())) {
            throw new IllegalStateException("production " + p.name() + " is declared by another specs source in the"
                    + " ledger; give its name with --source-name");
        }
        revisions.put(p.name(), revision);
        return revision;
    }

    private static AuditEntry auditEntry(Instant at, Adoption outcome, String revision) {
        if (outcome instanceof Adoption.Live live) {
            return new AuditEntry(at, Optional.of(live.production().name()), "adopt", live.key().toString(),
                    "sphenixprod job " + live.job().id() + " (dbid " + live.row().dbid() + ", "
                            + live.job().state().name().toLowerCase(Locale.ROOT) + ")", revision);
        }
        Adoption.Done done = (Adoption.Done) outcome;
        return new AuditEntry(at, Optional.of(done.production().name()), "adopt", done.key().toString(),
                "sphenixprod dbid " + done.row().dbid() + " finished; " + done.lfn() + " is catalogued", revision);
    }
}
