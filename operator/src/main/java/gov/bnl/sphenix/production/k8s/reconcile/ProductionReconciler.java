package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.PassReport;
import gov.bnl.sphenix.production.control.ProductionActivity;
import gov.bnl.sphenix.production.k8s.Condition;
import gov.bnl.sphenix.production.k8s.ConditionReason;
import gov.bnl.sphenix.production.k8s.Conditions;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.ops.OperatorMetrics;
import gov.bnl.sphenix.production.plan.Tally;
import gov.bnl.sphenix.production.source.GitUrls;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one {@link ProductionResource}: takes the engine's recent pass (one pass plans every
 * production of the source, so the global queue budget holds), has the {@link StatusRecorder}
 * publish the production's status and its significant actions as Kubernetes Events, and comes back
 * at the pass interval.
 *
 * <p>Its finalizer is what a {@code git revert} sets in motion: when the source reconciler deletes
 * the resource because its file left the specs, the cleanup runs passes — which kill its jobs and
 * apply its removal policy — until the engine reports the removal complete, and only then lets the
 * resource go. A resource deleted by hand while its file is still declared just goes; the source
 * reconciler makes it again and nothing is killed.
 */
@ControllerConfiguration(name = "production")
public final class ProductionReconciler implements Reconciler<ProductionResource>, Cleaner<ProductionResource> {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionReconciler.class);
    static final Duration WAIT_FOR_SOURCE = Duration.ofSeconds(5);
    static final Duration REMOVAL_RECHECK = Duration.ofSeconds(2);

    private final Engines engines;
    private final StatusRecorder recorder;
    private final OperatorMetrics metrics;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Long> published = new ConcurrentHashMap<>();

    public ProductionReconciler(Engines engines, StatusRecorder recorder, OperatorMetrics metrics, Duration interval,
                                Clock clock) {
        this.engines = engines;
        this.recorder = recorder;
        this.metrics = metrics;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public UpdateControl<ProductionResource> reconcile(ProductionResource production, Context<ProductionResource> context) throws Exception {
        String name = production.getMetadata().getName();
        long generation = generation(production);
        Optional<Engine> engine = engines.find(production.getMetadata().getNamespace(), production.getSpec().source());
        if (engine.isEmpty()) {
            Instant now = clock.instant();
            recorder.production(production, s -> s.withConditions(generation, Conditions.set(s.conditions(),
                    Conditions.READY, "Unknown", ConditionReason.WAITING_FOR_SOURCE,
                    "source " + production.getSpec().source() + " has not been reconciled yet", generation, now)));
            return UpdateControl.<ProductionResource>noUpdate().rescheduleAfter(WAIT_FOR_SOURCE);
        }
        Instant started = clock.instant();
        PassReport pass = engine.get().recentPass(recent());
        Duration took = Duration.between(started, clock.instant());
        metrics.reconciled(name, took);
        if (!pass.startedAt().isBefore(started)) {
            // this reconcile ran the pass rather than sharing a recent one: its time is the pass's
            metrics.passed(production.getSpec().source(), took);
        }
        metrics.queueBudget(production.getSpec().source(), engine.get().limits().globalQueueBudget(),
                pass.statuses().stream().mapToLong(s -> s.count(Tally.SUBMITTING) + s.count(Tally.QUEUED)
                        + s.count(Tally.RUNNING)).sum());
        publish(production, pass);
        Instant now = clock.instant();
        recorder.production(production, before -> pass.status(name)
                .map(s -> StatusOnResource.of(s, before, generation, now))
                .orElseGet(() -> before.withConditions(generation, Conditions.set(before.conditions(), Conditions.READY,
                        "Unknown", ConditionReason.NOT_DECLARED, "the revision in force does not declare " + name,
                        generation, now))));
        return UpdateControl.<ProductionResource>noUpdate().rescheduleAfter(interval);
    }

    @Override
    public DeleteControl cleanup(ProductionResource production, Context<ProductionResource> context) throws Exception {
        String name = production.getMetadata().getName();
        Optional<Engine> engine = engines.find(production.getMetadata().getNamespace(), production.getSpec().source());
        if (engine.isEmpty()) {
            // no engine for its source (the source itself is gone): nothing here can wind it down
            LOG.atWarn().addKeyValue("production", name).log(
                    "production {}: deleted while its source {} has no engine; its jobs are left as they are",
                    name, production.getSpec().source());
            return DeleteControl.defaultDelete();
        }
        boolean declared = engine.get().desired().map(d -> d.state().productions().stream()
                .anyMatch(p -> p.name().equals(name))).orElse(false);
        if (declared) {
            return DeleteControl.defaultDelete();
        }
        PassReport pass = engine.get().recentPass(REMOVAL_RECHECK);
        publish(production, pass);
        // a real pass that no longer reports it: the engine has wound it down and forgotten it
        if (pass.sequence() > 0 && pass.status(name).isEmpty()) {
            metrics.forget(name);
            LOG.atInfo().addKeyValue("production", name).log("production {}: removal complete, the resource goes", name);
            return DeleteControl.defaultDelete();
        }
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(REMOVAL_RECHECK);
    }

    @Override
    public ErrorStatusUpdateControl<ProductionResource> updateErrorStatus(ProductionResource production, Context<ProductionResource> context,
                                                                   Exception e) {
        long generation = generation(production);
        Instant now = clock.instant();
        LOG.atWarn().addKeyValue("production", production.getMetadata().getName()).log("production {}: pass failed: {}",
                production.getMetadata().getName(), GitUrls.redact(e.toString()));
        recorder.production(production, s -> {
            List<Condition> stalled = Conditions.set(s.conditions(), Conditions.STALLED, "True", ConditionReason.STALLED,
                    e.getMessage() + "; retrying with back-off", generation, now);
            return s.withConditions(generation, Conditions.set(stalled, Conditions.READY, "False",
                    ConditionReason.STALLED, String.valueOf(e.getMessage()), generation, now));
        });
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /** A pass planned all productions; it is shared, so each production's part is published once. */
    private void publish(ProductionResource production, PassReport pass) {
        String name = production.getMetadata().getName();
        Long before = published.put(name, pass.sequence());
        if (before != null && before >= pass.sequence()) {
            return;
        }
        record(name, pass);
        recorder.events(production, pass.events().stream().filter(e -> e.production().equals(name)).toList());
    }

    /** A pass younger than half the interval is recent enough: resources reconciled together share one. */
    private Duration recent() {
        return interval.dividedBy(2);
    }

    private void record(String name, PassReport pass) {
        ProductionActivity activity = pass.activity(name);
        metrics.submitted(name, activity.submitted());
        metrics.finished(name, activity.harvested(), activity.failed());
        metrics.harvested(name, activity.outputsRegistered());
        pass.status(name).ifPresent(s -> {
            metrics.jobs(name, Tally.class, s.jobs());
            metrics.state(name, s.state());
            metrics.holds(name, s.topHoldReasons());
            DaqComparison daq = s.eventsAgainstDaq();
            metrics.eventsAgainstDaq(name, daq.runsCompared(), daq.eventsProduced(), daq.eventsRecorded(),
                    daq.runsBelowRatio());
        });
    }

    private static long generation(ProductionResource production) {
        Long g = production.getMetadata().getGeneration();
        return g == null ? 0 : g;
    }

}
