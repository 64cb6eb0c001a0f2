package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.catalog.ledger.LedgerView;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq;
import gov.bnl.sphenix.production.catalog.ledger.RunStanding;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessSummary;
import gov.bnl.sphenix.production.catalog.readiness.ReadyJobs;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.Candidate;
import gov.bnl.sphenix.production.plan.ExistingOutput;
import gov.bnl.sphenix.production.plan.LedgerRow;
import gov.bnl.sphenix.production.plan.LiveJobInputs;
import gov.bnl.sphenix.production.plan.Observation;
import gov.bnl.sphenix.production.plan.SubmissionTrouble;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planner's {@link Observation} read from the catalogs, the ledger and the batch queue. Each
 * production's rows are read once per pass and kept, because the executor needs the same rows
 * (their ledger ids) to carry the plan out: what was planned and what is acted on are one view.
 *
 * <p>It does not stream. The databases are read through cursors, but what they hand out is
 * collected before the planner sees it, so for one pass memory holds: the ledger rows each declared
 * production works on (its unfinished rows, and the finished rows of keys its candidates, jobs and
 * outputs name; its other finished rows are only counted, so a long history costs a count, not
 * memory) and every row of a production being removed, kept until the pass ends for the executor;
 * the holds of one production at a time, the catalogued outputs of every production (file names by
 * key, kept for the status), one production's ready candidates with their input names at a time,
 * and, when the pass may delete, the recorded inputs of every live job. That is a few hundred bytes
 * per key a pass works on: fine for hundreds of thousands of them, not for tens of millions.
 *
 * <p>Database failures surface as {@link ObservationFailed}, which the engine reports as a stalled
 * pass; nothing is planned on half an observation.
 */
public final class CatalogObservation implements Observation {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogObservation.class);

    private final Instant now;
    private final BatchQueue queue;
    private final Map<String, Production> specs;
    private final ProductCatalogue catalogue;
    private final ReadyJobs readiness;
    private final LedgerView ledger;
    private final ProductionOutputs outputs;
    private final Function<String, Optional<SubmissionTrouble>> troubles;
    private final Map<String, Map<JobKey, LedgerJob>> rows = new HashMap<>();
    private final Map<String, ProductionOutputs.Found> found = new HashMap<>();
    private final Map<String, ReadinessSummary> readinessSeen = new HashMap<>();
    private final Map<String, Set<Integer>> readyRuns = new HashMap<>();
    private final Map<String, Set<JobKey>> readyKeys = new HashMap<>();
    private final Map<String, ProductionOutputs.Found> catalogued = new HashMap<>();
    /** Finished rows each narrowly read production has beyond those read, by state. */
    private final Map<String, Map<LedgerState, Long>> finishedElsewhere = new HashMap<>();
    private final Map<String, RunStanding> runStandings = new HashMap<>();
    // read for every production of the pass at the first ask: one statement each instead of one per production
    private Map<String, Map<LedgerState, Long>> counts;
    private Map<String, Map<Long, List<HoldRecord>>> holds;
    private QueueJobs queueJobs;

    public CatalogObservation(Instant now, BatchQueue queue, List<Production> productions, ProductCatalogue catalogue,
                              ReadyJobs readiness, LedgerView ledger, ProductionOutputs outputs,
                              Function<String, Optional<SubmissionTrouble>> troubles) {
        this.now = Objects.requireNonNull(now, "now");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.specs = new HashMap<>();
        productions.forEach(p -> specs.put(p.name(), p));
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.troubles = Objects.requireNonNull(troubles, "troubles");
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public BatchQueue queue() {
        return queue;
    }

    @Override
    public Stream<Candidate> candidates(String production) {
        Production spec = spec(production);
        Map<JobKey, Candidate> ready = new TreeMap<>();
        Set<Integer> runs = new HashSet<>();
        try {
            readinessSeen.put(production, readiness.find(ReadinessRequests.forProduction(spec, catalogue), c -> {
                JobKey key = JobKey.ofLeaf(production, c.run(), c.segment(), c.leaf());
                ready.put(key, new Candidate(key, c.inputs()));
                runs.add(c.run());
                return true;
            }));
        } catch (SQLException e) {
            throw new ObservationFailed("readiness of " + production, e);
        }
        readyRuns.put(production, runs);
        readyKeys.put(production, ready.keySet());
        return ready.values().stream();
    }

    @Override
    public Stream<LedgerRow> ledger(String production) {
        Map<JobKey, LedgerJob> jobs = rows(production);
        Map<Long, List<HoldRecord>> holdsOf = holds(production);
        return jobs.values().stream().map(job -> LedgerRows.toPlanner(job, holdsOf.getOrDefault(job.id(), List.of())));
    }

    @Override
    public Map<LedgerState, Long> finishedElsewhere(String production) {
        rows(production);
        Map<LedgerState, Long> elsewhere = finishedElsewhere.get(production);
        return elsewhere == null ? Map.of() : elsewhere;
    }

    @Override
    public Stream<ExistingOutput> outputs(String production) {
        return found(production).outputs().stream();
    }

    @Override
    public Stream<LiveJobInputs> liveJobInputs() {
        List<LiveJobInputs> live = new ArrayList<>();
        try {
            ledger.liveInputs(job -> {
                JobKey key = JobKey.ofLeaf(job.production(), job.run(), job.segment(), job.leaf());
                live.add(job.inputs().map(i -> LiveJobInputs.recorded(key, i)).orElseGet(() -> LiveJobInputs.unknown(key)));
            });
        } catch (SQLException e) {
            throw new ObservationFailed("inputs of live jobs", e);
        }
        return live.stream();
    }

    @Override
    public Optional<SubmissionTrouble> submissionTrouble(String production) {
        return troubles.apply(production);
    }

    /** What the readiness scan of a production looked at, once the planner has asked for its candidates. */
    public Optional<ReadinessSummary> readiness(String production) {
        return Optional.ofNullable(readinessSeen.get(production));
    }

    /**
     * How many runs of a production wait, by reason, once the planner has asked for its
     * candidates: the runs readiness found ready are not read again. Empty when readiness was not
     * asked, or the reasons could not be read — a status without them is better than no status.
     */
    public Optional<WaitingCounts> waiting(String production) {
        Set<Integer> ready = readyRuns.get(production);
        if (ready == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(WaitingCounts.of(readiness.reasons(
                    ReadinessRequests.withReasons(spec(production), catalogue), ready)));
        } catch (SQLException e) {
            LOG.warn("why the runs of {} wait could not be read: {}", production, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The events of the runs a production finished (every job key succeeded) against the DAQ's count: the events of its good outputs as this pass read them
     * from the FileCatalog, against one DAQ statement. {@link DaqComparison#NONE} when it could not
     * be read: a status without it is better than no status.
     */
    public DaqComparison eventsAgainstDaq(String production) {
        // counted over every row by the database: the pass reads only the rows it works on
        List<Integer> produced = runStanding(production).produced();
        if (produced.isEmpty()) {
            return DaqComparison.NONE;
        }
        try {
            return DaqComparison.of(EventsAgainstDaq.compare(readiness.eventsRecorded(produced),
                    found(production).goodEvents(), EventsAgainstDaq.products(spec(production), catalogue)));
        } catch (SQLException e) {
            LOG.warn("the events of {} against the DAQ could not be read: {}", production, e.getMessage());
            return DaqComparison.NONE;
        }
    }

    /**
     * The ledger rows of a production by key, as read this pass. Once the planner has asked for a
     * declared production's candidates, and unless it declares rerun tokens (which can redo a
     * finished key that is not ready) or the queue holds jobs without a key (matched to rows by
     * their batch token), only the rows a pass works on are read: every unfinished
     * row, and the finished rows of the keys its candidates, its jobs in the queue and its outputs
     * name; the other finished rows are counted ({@link #finishedElsewhere}), not read. So the read
     * grows with the work in progress, not with the production's history.
     */
    public Map<JobKey, LedgerJob> rows(String production) {
        return rows.computeIfAbsent(production, p -> {
            Map<JobKey, LedgerJob> byKey = new TreeMap<>();
            Production spec = spec(p);
            // a job without a key is matched to a row by its batch token, which only the whole ledger knows
            boolean narrow = readyKeys.containsKey(p)
                    && spec.reruns().stream().allMatch(r -> r.token().isEmpty())
                    && !queueJobs().anyMatchedByToken();
            try {
                // a read that starts over after a transient failure may hand a row twice: the map keeps one
                if (!narrow) {
                    ledger.jobs(p, EnumSet.allOf(LedgerState.class), job -> byKey.put(job.key().job(), job));
                    return byKey;
                }
                ledger.working(p, spec.namespace(), keysNamed(p), job -> byKey.put(job.key().job(), job));
                Map<LedgerState, Long> counts = counts(p);
                Map<LedgerState, Long> elsewhere = new EnumMap<>(LedgerState.class);
                for (LedgerState state : List.of(LedgerState.SUCCEEDED, LedgerState.FAILED)) {
                    long read = byKey.values().stream().filter(j -> j.state() == state).count();
                    elsewhere.put(state, Math.max(0, counts.getOrDefault(state, 0L) - read));
                }
                finishedElsewhere.put(p, elsewhere);
            } catch (SQLException e) {
                throw new ObservationFailed("ledger of " + p, e);
            }
            return byKey;
        });
    }

    /** The keys of a production this pass names: its candidates, its jobs, its outputs and their writers. */
    private Set<JobKey> keysNamed(String production) throws SQLException {
        Set<JobKey> keys = new HashSet<>(readyKeys.get(production));
        for (var job : queueJobs().ofProduction(production)) {
            keys.add(job.key().orElseThrow());
        }
        for (ExistingOutput output : catalogued(production).outputs()) {
            JobKey key = output.key();
            keys.add(key);
            keys.add(JobKey.ofLeaf(key.production(), key.run(), key.segment() / JobContract.ROLLOVER_SEGMENTS,
                    key.leaf()));
        }
        return keys;
    }

    /**
     * Where a production's runs stand over all its ledger rows, for its status. Read once a pass,
     * for every production at the first ask: the statuses are written after the plan is carried
     * out, and the status and the comparison with the DAQ both ask.
     */
    public RunStanding runStanding(String production) {
        spec(production);
        if (runStandings.isEmpty()) {
            try {
                runStandings.putAll(ledger.runStandings(specs.keySet()));
            } catch (SQLException e) {
                throw new ObservationFailed("runs of " + specs.size() + " productions", e);
            }
        }
        return runStandings.get(production);
    }

    /**
     * How many rows of a production are in each state, read for every production at the first ask.
     * Only the executor changes a production's rows after the plan, and only those of rows the
     * plan read: a production whose counts are asked later has not changed since.
     */
    private Map<LedgerState, Long> counts(String production) throws SQLException {
        if (counts == null) {
            counts = ledger.counts(specs.keySet());
        }
        return counts.getOrDefault(production, Map.of());
    }

    /** The remembered holds of a production's jobs, read for every production at the first ask (while planning). */
    private Map<Long, List<HoldRecord>> holds(String production) {
        if (holds == null) {
            try {
                holds = ledger.holdsOf(specs.keySet());
            } catch (SQLException e) {
                throw new ObservationFailed("holds of " + specs.size() + " productions", e);
            }
        }
        return holds.getOrDefault(production, Map.of());
    }

    /** The catalogued outputs of a production and the events in them. */
    public ProductionOutputs.Found found(String production) {
        return found.computeIfAbsent(production, p -> {
            try {
                ProductionOutputs.Found inCatalog = catalogued(p);
                if (spec(p).rule().job().contract() != JobContract.SPHENIXPROD) {
                    return inCatalog;
                }
                return new ProductionOutputs.Found(RolledOverOutputs.fold(inCatalog.outputs(), rows(p).keySet()),
                        inCatalog.events(), inCatalog.goodEvents());
            } catch (SQLException e) {
                throw new ObservationFailed("outputs of " + p, e);
            }
        });
    }

    /** The outputs of a production as the FileCatalog has them, before rolled-over ones are folded. */
    private ProductionOutputs.Found catalogued(String production) throws SQLException {
        ProductionOutputs.Found known = catalogued.get(production);
        if (known == null) {
            known = outputs.of(spec(production), catalogue);
            catalogued.put(production, known);
        }
        return known;
    }

    /** The queue indexed once for the pass: it is looked at production by production. */
    private QueueJobs queueJobs() {
        if (queueJobs == null) {
            queueJobs = QueueJobs.of(queue);
        }
        return queueJobs;
    }

    private Production spec(String production) {
        Production spec = specs.get(production);
        if (spec == null) {
            throw new IllegalArgumentException("production " + production + " is not part of this observation");
        }
        return spec;
    }

    /** A catalog could not be read; the pass stops before planning. */
    public static final class ObservationFailed extends RuntimeException {
        public ObservationFailed(String what, SQLException cause) {
            super(what + " could not be read: " + cause.getMessage(), cause);
        }
    }
}
