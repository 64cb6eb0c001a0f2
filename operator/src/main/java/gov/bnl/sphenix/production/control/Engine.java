package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.catalog.ledger.AuditLog;
import gov.bnl.sphenix.production.catalog.ledger.StatusStore;
import gov.bnl.sphenix.production.control.act.ActionExecutor;
import gov.bnl.sphenix.production.control.act.ExecutionReport;
import gov.bnl.sphenix.production.control.act.HeldBack;
import gov.bnl.sphenix.production.control.act.SubmissionFailures;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.control.guard.Confirmation;
import gov.bnl.sphenix.production.control.guard.ImpactOfRevision;
import gov.bnl.sphenix.production.control.guard.LedgerImpact;
import gov.bnl.sphenix.production.control.guard.RemovalGuard;
import gov.bnl.sphenix.production.control.guard.RemovalLimits;
import gov.bnl.sphenix.production.control.harvest.HarvestReport;
import gov.bnl.sphenix.production.control.harvest.Harvester;
import gov.bnl.sphenix.production.control.harvest.StageOutHarvester;
import gov.bnl.sphenix.production.control.observe.CatalogObservation;
import gov.bnl.sphenix.production.control.observe.LedgerSync;
import gov.bnl.sphenix.production.control.observe.QueueJobs;
import gov.bnl.sphenix.production.control.observe.QueueReading;
import gov.bnl.sphenix.production.control.payload.CommitPayloads;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.Action;
import gov.bnl.sphenix.production.plan.BatchQueue;
import gov.bnl.sphenix.production.plan.Plan;
import gov.bnl.sphenix.production.plan.Planner;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import gov.bnl.sphenix.production.plan.RemovalComplete;
import gov.bnl.sphenix.production.plan.RemovedProduction;
import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.Production;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final StageOutHarvester stageOutHarvester;
    private final ActionExecutor executor;
    private final CatalogPorts catalogs;
    private final StatusStore statuses;
    private final AuditLog audit;
    private final SubmissionFailures submissionFailures = new SubmissionFailures();
    /** One per engine: after its first pass it reads only the history that is new since the last. */
    private final QueueReading reading = new QueueReading();
    private final Object refreshing = new Object();
    /** How many jobs a new revision would kill, for the removal guard. */
    private final ImpactOfRevision impact;
    private long passes;
    private PassReport latest;

    /** An engine on the catalog ports {@link EngineAssembly#ports} built; its executor and harvester share them. */
    public Engine(SpecFollower follower, CatalogPorts catalogs, BatchSystem batch, EngineSettings settings, Clock clock,
                  CrashPoint crash) {
        this.follower = follower;
        this.batch = batch;
        this.settings = settings;
        this.clock = clock;
        this.planner = new Planner(settings.planner());
        this.catalogs = catalogs;
        this.harvester = new Harvester(catalogs.ledger(), catalogs.moves(), catalogs.registry(), settings, crash);
        this.stageOutHarvester = new StageOutHarvester(catalogs.ledger(), catalogs.moves(), catalogs.registry(), settings,
                crash);
        this.executor = new ActionExecutor(batch, catalogs, submissionFailures,
                new CommitPayloads(EngineAssembly.payloadShelf(settings, clock)),
                follower::treeAt, settings, clock, crash);
        this.statuses = catalogs.statuses();
        this.audit = catalogs.audit();
        this.impact = new LedgerImpact(catalogs.ledger());
    }

    /**
     * Fetches the specs repository and applies its head, all or nothing. Not under the pass lock:
     * a slow git server must not hold up passes, which see the new desired state once it is swapped
     * in. Refreshes wait for each other.
     */
    public SourceReport refresh() throws SQLException {
        return refresh(RemovalLimits.DEFAULTS, Confirmation.NONE);
    }

    /**
     * A refresh whose head, should it remove more than {@code limits} allow, is applied only once
     * confirmed: by its own commit's trailer or by {@code confirmation}. Both are given at each
     * refresh, so a changed limit or a confirmation that arrives later counts at the next one.
     */
    public SourceReport refresh(RemovalLimits limits, Confirmation confirmation) throws SQLException {
        synchronized (refreshing) {
            EventLog events = new EventLog(clock);
            SourceReport report = follower.refresh(events, new RemovalGuard(limits, confirmation, impact));
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
     * queue is read once per pass however many resources ask.
     */
    public synchronized PassReport recentPass(Duration maxAge) throws SQLException {
        if (latest != null && latest.sequence() > 0 && latest.startedAt().plus(maxAge).isAfter(clock.instant())) {
            return latest;
        }
        return pass();
    }

    /** The operating limits this engine plans with (its queue budget, for the metrics). */
    public PlannerSettings limits() {
        return settings.planner();
    }

    /** The desired state in force, if a revision has been applied. */
    public Optional<DesiredAtRevision> desired() throws SQLException {
        return follower.desired();
    }

    private synchronized PassReport pass(Predicate<String> which) throws SQLException {
        Instant startedAt = clock.instant();
        EventLog events = new EventLog(clock);
        Optional<DesiredAtRevision> inForce = follower.desired();
        if (inForce.isEmpty()) {
            return new PassReport(0, startedAt, Optional.empty(), List.of(), List.of(), Map.of(),
                    List.of("no revision of the specs is in force yet: nothing to reconcile"));
        }
        DesiredAtRevision desired = inForce.get().only(which);
        String revision = desired.revision().commitId();
        events.revision(revision);
        List<String> errors = new ArrayList<>();
        Map<String, ProductionActivity> activity = new HashMap<>();
        List<Production> all = desired.all();
        submissionFailures.newPass(all.stream().map(Production::name).toList());
        // read before the harvest: harvesting changes the ledger and the catalog, never the queue;
        // every production's jobs are read, so a pass narrowed to one still counts the others' against the budget
        BatchQueue queue = reading.read(List.of(batch), inForce.get().all().stream().map(Production::name).toList(),
                settings.historyLimit(), catalogs.ledger(), startedAt);
        HeldBack heldBack = HeldBack.NONE;
        if (queue.readable()) {
            heldBack = harvest(desired, queue, events, errors, activity);
        } else {
            errors.add("the batch queue could not be read; nothing was planned or harvested"
                    + " (an unknown queue is not an empty one)");
        }
        CatalogObservation observed = new CatalogObservation(clock.instant(), queue, all, desired.catalogue(),
                catalogs.readiness(), catalogs.ledger(), catalogs.outputs(), submissionFailures::of);
        List<ProductionStanding> result = new ArrayList<>();
        try {
            Plan plan = planner.plan(desired.state(), observed);
            ExecutionReport executed = executor.execute(plan, desired, inForce.get().state().productions(), observed,
                    heldBack, events);
            errors.addAll(executed.errors());
            syncLedgerWithQueue(all, observed, plan);
            executed.byProduction().forEach((name, c) -> activity.merge(name, new ProductionActivity(c.submitted(),
                    c.released(), c.killed(), desired.isRemoved(name) ? c.killed() : 0, c.failed(), 0, 0, 0,
                    c.outputsDeleted()), ProductionActivity::plus));
            Set<String> gone = finishRemovals(plan, events);
            Instant now = clock.instant();
            Map<String, String> written = new java.util.LinkedHashMap<>();
            for (Production p : all) {
                if (gone.contains(p.name())) {
                    continue;
                }
                ProductionStanding status = StatusBuilder.build(p, desired.isRemoved(p.name()), revision, now, plan,
                        observed, executed, errors, submissionFailures.of(p.name()));
                written.put(p.name(), StatusJson.write(status));
                result.add(status);
            }
            statuses.saveAll(written, now);
        } catch (CatalogObservation.ObservationFailed e) {
            errors.add(e.getMessage());
            result.addAll(stalled(all, errors));
        }
        events.flushTo(audit, revision);
        return new PassReport(++passes, startedAt, Optional.of(revision), result, events.events(), activity, errors);
    }

    /** Records what the plan says the queue said of the jobs no action touched, production by production. */
    private void syncLedgerWithQueue(List<Production> productions, CatalogObservation observed, Plan plan)
            throws SQLException {
        for (Production p : productions) {
            catalogs.upkeep().apply(LedgerSync.updates(observed.rows(p.name()), plan.seen()));
        }
    }

    /** Harvests every production that harvests; returns what must not be submitted again this pass. */
    private HeldBack harvest(DesiredAtRevision desired, BatchQueue queue, EventLog events, List<String> errors,
                             Map<String, ProductionActivity> activity) {
        Set<JobKey> heldBack = new HashSet<>();
        Set<String> stopped = new HashSet<>();
        QueueJobs jobs = QueueJobs.of(queue);
        for (Production p : desired.all()) {
            if (!p.harvest()) {
                continue;
            }
            try {
                // the operator's jobs leave a manifest; sphenixprod's stage their files out under their names
                HarvestReport h = p.rule().job().contract() == JobContract.SPHENIXPROD
                        ? stageOutHarvester.harvest(p, jobs, events)
                        : harvester.harvest(p, jobs, clock.instant(), events);
                activity.merge(p.name(), new ProductionActivity(0, 0, 0, 0, h.jobsFailed(), h.jobsHarvested(),
                        h.outputsRegistered(), h.eventsRegistered(), 0), ProductionActivity::plus);
                heldBack.addAll(h.heldBack());
                // a full final tree stalls the production, in words a shift reads, until there is space
                h.spaceTrouble(p.name()).ifPresent(errors::add);
            } catch (IOException | SQLException e) {
                if (p.rule().job().contract() == JobContract.SPHENIXPROD) {
                    // an earlier attempt's files may not be set aside yet: its keys wait for a harvest that ends
                    stopped.add(p.name());
                }
                errors.add("harvest of " + p.name() + " stopped: " + e.getMessage());
                events.warning(p.name(), EventKind.HARVEST_STALLED, "harvest stopped: " + e.getMessage()
                        + "; what was not harvested is taken up by the next pass");
            }
        }
        return new HeldBack(heldBack, stopped);
    }

    /** Marks removed the productions the plan found done, and forgets their status. */
    private Set<String> finishRemovals(Plan plan, EventLog events) throws SQLException {
        Set<String> gone = new HashSet<>();
        for (RemovalComplete removal : plan.removalsComplete()) {
            if (catalogs.productions().markRemoved(removal.production(), clock.instant())) {
                statuses.forget(removal.production());
                gone.add(removal.production());
                events.info(removal.production(), EventKind.GONE, removal.describe());
            }
        }
        return gone;
    }

    /** When the catalogs cannot be read: the last known statuses, marked stalled, with the reason. */
    private List<ProductionStanding> stalled(List<Production> productions, List<String> errors) throws SQLException {
        Map<String, String> stored = statuses.all();
        List<ProductionStanding> result = new ArrayList<>();
        for (Production p : productions) {
            String json = stored.get(p.name());
            if (json == null) {
                continue;
            }
            ProductionStanding last = StatusJson.read(json);
            result.add(new ProductionStanding(last.production(), last.dsttype(), last.dataset(), last.tag(),
                    ProductionStanding.State.STALLED, last.revision(), clock.instant(), last.jobs(), last.runsSelected(),
                    last.runsDone(), last.newestSubmitted(), last.oldestPending(), last.topHoldReasons(),
                    last.eventsProduced(), last.outputsRegistered(), errors, last.waiting(), last.eventsAgainstDaq()));
        }
        return result;
    }

    /** The statuses the last passes wrote, by production name. */
    public List<ProductionStanding> statuses() throws SQLException {
        return StatusJson.readAll(statuses);
    }

    @Override
    public void close() {
        follower.close();
        stageOutHarvester.close();
    }

}
