package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.control.DesiredAtRevision;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.SourceReport;
import gov.bnl.sphenix.production.control.guard.Confirmation;
import gov.bnl.sphenix.production.k8s.Condition;
import gov.bnl.sphenix.production.k8s.ConditionReason;
import gov.bnl.sphenix.production.k8s.Conditions;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSourceStatus;
import gov.bnl.sphenix.production.ops.OperatorMetrics;
import gov.bnl.sphenix.production.source.GitUrls;
import gov.bnl.sphenix.production.spec.Diagnostic;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Reconciles a {@link ProductionSource}: fetches its branch, applies the head all-or-nothing, and
 * makes the {@link ProductionResource} resources match the productions the revision in force declares —
 * created, updated, and deleted when their file is gone (their finalizer then winds them down).
 * A commit that does not validate sets {@code Ready=False} with its errors and touches no
 * Production: the revision in force stays in force.
 */
@ControllerConfiguration(name = "productionsource")
public final class ProductionSourceReconciler implements Reconciler<ProductionSource> {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionSourceReconciler.class);
    private static final int ERRORS_SHOWN = 20;

    private final KubernetesClient client;
    private final StatusRecorder recorder;
    private final Engines engines;
    private final OperatorMetrics metrics;
    private final Clock clock;

    public ProductionSourceReconciler(KubernetesClient client, StatusRecorder recorder, Engines engines,
                                      OperatorMetrics metrics, Clock clock) {
        this.client = client;
        this.recorder = recorder;
        this.engines = engines;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public UpdateControl<ProductionSource> reconcile(ProductionSource source, Context<ProductionSource> context)
            throws Exception {
        long generation = generation(source);
        Duration interval = Intervals.parse(source.getSpec().fetchInterval());
        if (source.getSpec().suspend()) {
            metrics.source(source.getMetadata().getName(), SourceHead.SUSPENDED);
            Instant now = clock.instant();
            recorder.source(source, s -> s.withConditions(generation, Conditions.set(s.conditions(), Conditions.READY,
                    "False", ConditionReason.SUSPENDED, "suspended: the specs are not fetched and no Production changes",
                    generation, now)));
            return UpdateControl.<ProductionSource>noUpdate().rescheduleAfter(interval);
        }
        Engine engine = engines.forSource(source);
        SourceReport report = engine.refresh(source.getSpec().removalLimits(), confirmation(source));
        if (report.fetchError().isPresent()) {
            metrics.fetchFailed(source.getMetadata().getName());
        }
        metrics.source(source.getMetadata().getName(), SourceHead.of(report));
        Optional<DesiredAtRevision> desired = engine.desired();
        OptionalInt declared = desired.isPresent() ? OptionalInt.of(syncProductions(source, desired.get()))
                : OptionalInt.empty();
        Instant now = clock.instant();
        recorder.source(source, before -> status(before, report, desired, declared, generation, now));
        return UpdateControl.<ProductionSource>noUpdate().rescheduleAfter(interval);
    }

    /** The source's status after a refresh that reported {@code report}; {@code before} keeps what it did not say. */
    private static ProductionSourceStatus status(ProductionSourceStatus before, SourceReport report,
                                                 Optional<DesiredAtRevision> desired, OptionalInt declared, long generation,
                                                 Instant now) {
        List<Condition> conditions = before.conditions();
        if (report.fetchError().isPresent()) {
            conditions = Conditions.set(conditions, Conditions.READY, "False", ConditionReason.FETCH_FAILED,
                    report.fetchError().get() + "; the revision in force keeps running", generation, now);
        } else if (!report.rejected().isEmpty()) {
            conditions = Conditions.set(conditions, Conditions.READY, "False", ConditionReason.INVALID_REVISION,
                    report.rejected().size() + " error(s) in " + report.fetched().map(r -> r.shortId()).orElse("the head")
                            + ", first: " + report.rejected().get(0) + "; "
                            + report.applied().map(r -> r.shortId() + " stays in force").orElse("nothing is in force"),
                    generation, now);
        }
        if (report.blocked().isPresent()) {
            String message = report.blocked().get().message();
            conditions = Conditions.set(conditions, Conditions.READY, "False", ConditionReason.REMOVAL_UNCONFIRMED,
                    message, generation, now);
            conditions = Conditions.set(conditions, Conditions.BLOCKED, "True", ConditionReason.REMOVAL_UNCONFIRMED,
                    message, generation, now);
        } else if (report.fetchError().isEmpty() && Conditions.find(conditions, Conditions.BLOCKED) != null) {
            // the held commit was confirmed, or replaced by another that is applied or rejected on its own merits
            conditions = Conditions.set(conditions, Conditions.BLOCKED, "False", report.ready()
                            ? ConditionReason.APPLIED : ConditionReason.INVALID_REVISION,
                    "no commit is held back: " + report.applied().map(r -> r.shortId() + " is in force")
                            .orElse("nothing is in force"), generation, now);
        }
        if (desired.isPresent() && report.ready()) {
            conditions = Conditions.set(conditions, Conditions.READY, "True", ConditionReason.APPLIED, "revision "
                    + desired.get().revision().shortId() + " (" + desired.get().revision().subject() + ") in force: "
                    + declared.orElseThrow() + " productions", generation, now);
        }
        return new ProductionSourceStatus(generation,
                report.fetched().map(r -> r.commitId()).orElse(before.fetchedRevision()),
                report.applied().map(r -> r.commitId()).orElse(before.appliedRevision()),
                Conditions.timestamp(now), report.fetchError().map(GitUrls::redact).orElse(null),
                report.rejected().stream().limit(ERRORS_SHOWN).map(Diagnostic::toString).map(GitUrls::redact).toList(),
                conditions);
    }

    /**
     * The source's annotation {@value ProductionSource#ALLOW_REMOVAL}, if any: the commit a
     * production manager confirmed, and the command that sets it, for the Blocked message.
     */
    static Confirmation confirmation(ProductionSource source) {
        Map<String, String> annotations = source.getMetadata().getAnnotations();
        String commit = annotations == null ? null : annotations.get(ProductionSource.ALLOW_REMOVAL);
        return new Confirmation(Optional.ofNullable(commit), "annotate the ProductionSource: kubectl -n "
                + source.getMetadata().getNamespace() + " annotate productionsource " + source.getMetadata().getName()
                + " --overwrite " + ProductionSource.ALLOW_REMOVAL + "=%s");
    }

    @Override
    public ErrorStatusUpdateControl<ProductionSource> updateErrorStatus(ProductionSource source,
                                                                         Context<ProductionSource> context, Exception e) {
        long generation = generation(source);
        Instant now = clock.instant();
        LOG.warn("source {}: {}", source.getMetadata().getName(), GitUrls.redact(e.toString()));
        // a source whose credentials are not for its repository is not retried into success: it says why
        ConditionReason reason = e instanceof SecretCredentials.Refused ? ConditionReason.CREDENTIALS_REFUSED
                : ConditionReason.STALLED;
        recorder.source(source, s -> s.withConditions(generation, Conditions.set(s.conditions(), Conditions.READY,
                "False", reason, e.getMessage() + "; retrying with back-off", generation, now)));
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /** Creates, updates and deletes Production resources to match; returns how many are declared. */
    private int syncProductions(ProductionSource source, DesiredAtRevision desired) {
        String namespace = source.getMetadata().getNamespace();
        var productions = client.resources(ProductionResource.class).inNamespace(namespace);
        Set<String> declared = new HashSet<>();
        for (var p : desired.state().productions()) {
            declared.add(p.name());
            ProductionResource wanted = ProductionResources.of(p, desired.revision().commitId(), source);
            ProductionResource existing = productions.withName(p.name()).get();
            if (existing == null) {
                productions.resource(wanted).create();
                about(p.name(), desired).log("production {}: created from {}", p.name(), desired.revision().shortId());
            } else if (!ProductionResources.sameSpec(existing.getSpec(), wanted.getSpec())) {
                productions.withName(p.name()).edit(r -> {
                    r.setSpec(wanted.getSpec());
                    return r;
                });
                about(p.name(), desired).log("production {}: spec updated to {}", p.name(), desired.revision().shortId());
            }
        }
        List<ProductionResource> owned = productions.withLabel(ProductionResources.SOURCE_LABEL, source.getMetadata().getName())
                .list().getItems();
        for (ProductionResource resource : owned) {
            String name = resource.getMetadata().getName();
            if (!declared.contains(name) && resource.getMetadata().getDeletionTimestamp() == null) {
                // its file left the specs: the finalizer kills its jobs and applies its removal policy
                productions.withName(name).delete();
                about(name, desired).log("production {}: deleted, its file is not in {}", name, desired.revision().shortId());
            }
        }
        return declared.size();
    }

    /** A log line about one production and the revision that changed it, with both as fields. */
    private static LoggingEventBuilder about(String production, DesiredAtRevision desired) {
        return LOG.atInfo().addKeyValue("production", production).addKeyValue("revision", desired.revision().commitId());
    }

    private static long generation(ProductionSource source) {
        Long g = source.getMetadata().getGeneration();
        return g == null ? 0 : g;
    }
}
