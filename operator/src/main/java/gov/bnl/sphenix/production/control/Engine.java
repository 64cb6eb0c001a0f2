package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.ledger.AuditLog;
import gov.bnl.sphenix.production.catalog.ledger.JobLedger;
import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.StatusStore;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.control.act.ActionExecutor;
import gov.bnl.sphenix.production.control.act.ExecutionReport;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.control.harvest.HarvestReport;
import gov.bnl.sphenix.production.control.harvest.Harvester;
import gov.bnl.sphenix.production.control.observe.CatalogObservation;
import gov.bnl.sphenix.production.control.observe.LedgerSync;
import gov.bnl.sphenix.production.control.observe.ProductionOutputs;
import gov.bnl.sphenix.production.control.observe.QueueReading;
import gov.bnl.sphenix.production.plan.Action;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.Plan;
import gov.bnl.sphenix.production.plan.Planner;
import gov.bnl.sphenix.production.plan.RemovedProduction;
import gov.bnl.sphenix.production.spec.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The reconcile engine: one pass takes the desired state (the specs revision in force, and the
 * removed productions still winding down), harvests what finished, observes the catalogs, the
 * ledger and the batch queue, plans with the pure planner, carries the plan out, and writes each
 * production's status. It runs the same under {@code prodctl run} and inside the Kubernetes
 * operator; passes do not overlap.
 */
public final class Engine implements AutoCloseable {

    private final SpecFollower follower;
    private final BatchSystem batch;
    private final EngineSettings settings;
    private final Clock clock;
    private final Planner planner;
    private final Harvester harvester;
    private final ActionExecutor executor;
    private final Readiness readiness;
    private final JobLedger ledger;
    private final ProductionOutputs outputs;
    private final ProductionRegistry registry;
    private final StatusStore statuses;
    private final AuditLog audit;
    private final Object refreshing = new Object();
    private long passes;
    private PassReport latest;

    public Engine(SpecFollower follower, Catalogs catalogs, BatchSystem batch, EngineSettings settings, Clock clock,
                  CrashPoint crash) {
        this.follower = follower;
        this.batch = batch;
        this.settings = settings;
        this.clock = clock;
        this.planner = new Planner(settings.planner());
        this.harvester = new Harvester(catalogs, settings, clock, crash);
        this.executor = new ActionExecutor(batch, catalogs, settings, clock, crash);
        this.readiness = Readiness.of(catalogs);
        this.ledger = new JobLedger(catalogs.ledger(), catalogs.retry(), clock);
        this.outputs = new ProductionOutputs(catalogs.fileCatalog(), catalogs.retry());
        this.registry = new ProductionRegistry(catalogs.ledger(), catalogs.retry());
        this.statuses = new StatusStore(catalogs.ledger(), catalogs.retry());
        this.audit = new AuditLog(catalogs.ledger(), catalogs.retry());
    }

    /**
     * Fetches the specs repository and applies its head, all or nothing. Not under the pass lock:
     * a slow git server must not hold up passes, which see the new desired state once it is swapped
     * in. Refreshes wait for each other.
     */
    public SourceReport refresh() throws SQLException {
        synchronized (refreshing) {
            EventLog events = new EventLog(clock);
            SourceReport report = follower.refresh(events);
            events.flushTo(audit, report.applied().map(r -> r.commitId()).orElse(""));
            return report;
        }
    }

    /** A pass over every production, declared or being removed; {@link #recentPass} may hand it out again. */
    public synchronized PassReport pass() throws SQLException {
        latest = pass(name -> true);
        return latest;
    }

    /** A pass over one production; jobs of the others still count against the global queue budget. */
    public PassReport pass(String production) throws SQLException {
        return pass(production::equals);
    }

    /**
     * The newest pass over every production if it started less than {@code maxAge} ago, else a new
     * one. What the Kubernetes operator's reconcilers share: each production's resource is
     * reconciled on its own, but one pass plans them all, so the global queue budget holds and the
     * queue is read once per production and pass however many resources ask.
     */
    public synchronized PassReport recentPass(Duration maxAge) throws SQLException {
        if (latest != null && latest.sequence() > 0 && latest.startedAt().plus(maxAge).isAfter(clock.instant())) {
            return latest;
        }
        return pass();
    }

    /** The desired state in force, if a revision has been applied. */
    public Optional<Desired> desired() throws SQLException {
        return follower.desired();
    }

    private synchronized PassReport pass(Predicate<String> which) throws SQLException {
        Instant startedAt = clock.instant();
        EventLog events = new EventLog(clock);
        Optional<Desired> inForce = follower.desired();
        if (inForce.isEmpty()) {
            return new PassReport(0, startedAt, Optional.empty(), List.of(), List.of(), Map.of(),
                    List.of("no revision of the specs is in force yet: nothing to reconcile"));
        }
        Desired desired = inForce.get().only(which);
        String revision = desired.revision().commitId();
        events.revision(revision);
        List<String> errors = new ArrayList<>();
        Map<String, ProductionActivity> activity = new HashMap<>();
        List<Production> all = desired.all();
        // read before the harvest: harvesting changes the ledger and the catalog, never the queue;
        // every production's jobs are read, so a pass narrowed to one still counts the others' against the budget
        BatchQueue queue = QueueReading.read(batch, inForce.get().all().stream().map(Production::name).toList(),
                settings.historyLimit());
        if (queue.readable()) {
            harvest(desired, queue, events, errors, activity);
        } else {
            errors.add("the batch queue could not be read; nothing was planned or harvested"
                    + " (an unknown queue is not an empty one)");
        }
        CatalogObservation observed = new CatalogObservation(clock.instant(), queue, all, desired.catalogue(),
                readiness, ledger, outputs);
        List<ProductionStatus> result = new ArrayList<>();
        try {
            Plan plan = planner.plan(desired.state(), observed);
            ExecutionReport executed = executor.execute(plan, desired, observed, events);
            errors.addAll(executed.errors());
            syncLedgerWithQueue(all, observed, queue, plan);
            executed.byProduction().forEach((name, c) -> activity.merge(name, new ProductionActivity(c.submitted(),
                    c.released(), c.killed(), desired.isRemoved(name) ? c.killed() : 0, c.failed(), 0, 0, 0,
                    c.outputsDeleted()), ProductionActivity::plus));
            Set<String> gone = finishRemovals(desired, plan, queue, events);
            Instant now = clock.instant();
            for (Production p : all) {
                if (gone.contains(p.name())) {
                    continue;
                }
                ProductionStatus status = StatusBuilder.build(p, desired.isRemoved(p.name()), revision, now, plan,
                        observed, executed, errors);
                statuses.save(p.name(), StatusJson.write(status), now);
                result.add(status);
            }
        } catch (CatalogObservation.ObservationFailed e) {
            errors.add(e.getMessage());
            result.addAll(stalled(all, errors));
        }
        events.flushTo(audit, revision);
        return new PassReport(++passes, startedAt, Optional.of(revision), result, events.events(), activity, errors);
    }

    private void syncLedgerWithQueue(List<Production> productions, CatalogObservation observed, BatchQueue queue,
                                     Plan plan) throws SQLException {
        if (!queue.readable()) {
            return;
        }
        Set<JobKey> touched = new HashSet<>();
        plan.actions().forEach(action -> touched.addAll(action.keys()));
        for (Production p : productions) {
            ledger.apply(LedgerSync.updates(observed.rows(p.name()).values(), queue, touched));
        }
    }

    private void harvest(Desired desired, BatchQueue queue, EventLog events, List<String> errors,
                         Map<String, ProductionActivity> activity) {
        for (Production p : desired.all()) {
            if (!p.harvest()) {
                continue;
            }
            try {
                HarvestReport h = harvester.harvest(p, queue, clock.instant(), events);
                activity.merge(p.name(), new ProductionActivity(0, 0, 0, 0, h.jobsFailed(), h.jobsHarvested(),
                        h.outputsRegistered(), h.eventsRegistered(), 0), ProductionActivity::plus);
            } catch (IOException | SQLException e) {
                errors.add("harvest of " + p.name() + " stopped: " + e.getMessage());
                events.warning(p.name(), EventKind.HARVEST_STALLED, "harvest stopped: " + e.getMessage()
                        + "; what was not harvested is taken up by the next pass");
            }
        }
    }

    /**
     * A removed production is done when none of its jobs is left in the queue and the pass had
     * nothing more to do for it — with a delete policy, only once its grace period is over.
     */
    private Set<String> finishRemovals(Desired desired, Plan plan, BatchQueue queue, EventLog events)
            throws SQLException {
        Set<String> gone = new HashSet<>();
        if (!queue.readable()) {
            return gone;
        }
        for (RemovedProduction removed : desired.state().removed()) {
            String name = removed.name();
            boolean jobsLeft = queue.jobs().stream().anyMatch(j -> j.isLive() && name.equals(j.production()));
            boolean actions = plan.actions().stream().map(Action::production).anyMatch(name::equals);
            boolean waitsForDeletion = removed.lastSpec().onRemoval().action().deletesOutputs()
                    && clock.instant().isBefore(removed.deletableFrom());
            if (!jobsLeft && !actions && !waitsForDeletion && registry.markRemoved(name, clock.instant())) {
                statuses.forget(name);
                gone.add(name);
                events.info(name, EventKind.GONE, "removal complete: no job left in the queue, outputs "
                        + (removed.lastSpec().onRemoval().action().deletesOutputs() ? "deleted" : "kept")
                        + " as policy " + removed.lastSpec().onRemoval().action().spelling() + " says");
            }
        }
        return gone;
    }

    /** When the catalogs cannot be read: the last known statuses, marked stalled, with the reason. */
    private List<ProductionStatus> stalled(List<Production> productions, List<String> errors) throws SQLException {
        Map<String, String> stored = statuses.all();
        List<ProductionStatus> result = new ArrayList<>();
        for (Production p : productions) {
            String json = stored.get(p.name());
            if (json == null) {
                continue;
            }
            ProductionStatus last = StatusJson.read(json);
            result.add(new ProductionStatus(last.production(), last.dsttype(), last.dataset(), last.tag(),
                    ProductionStatus.State.STALLED, last.revision(), clock.instant(), last.jobs(), last.runsSelected(),
                    last.runsDone(), last.newestSubmitted(), last.oldestPending(), last.topHoldReasons(),
                    last.eventsProduced(), last.outputsRegistered(), errors));
        }
        return result;
    }

    /** The statuses the last passes wrote, by production name. */
    public List<ProductionStatus> statuses() throws SQLException {
        return StatusJson.readAll(statuses);
    }

    @Override
    public void close() {
        follower.close();
    }

}
