package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.control.DesiredAtRevision;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.SourceReport;
import gov.bnl.sphenix.production.k8s.Conditions;
import gov.bnl.sphenix.production.k8s.Production;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a {@link ProductionSource}: fetches its branch, applies the head all-or-nothing, and
 * makes the {@link Production} resources match the productions the revision in force declares —
 * created, updated, and deleted when their file is gone (their finalizer then winds them down).
 * A commit that does not validate sets {@code Ready=False} with its errors and touches no
 * Production: the revision in force stays in force.
 */
@ControllerConfiguration(name = "productionsource")
public final class ProductionSourceReconciler implements Reconciler<ProductionSource> {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionSourceReconciler.class);
    private static final int ERRORS_SHOWN = 20;

    private final KubernetesClient client;
    private final Engines engines;
    private final OperatorMetrics metrics;
    private final Clock clock;

    public ProductionSourceReconciler(KubernetesClient client, Engines engines, OperatorMetrics metrics, Clock clock) {
        this.client = client;
        this.engines = engines;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public UpdateControl<ProductionSource> reconcile(ProductionSource source, Context<ProductionSource> context)
            throws Exception {
        ProductionSourceStatus status = statusOf(source);
        long generation = generation(source);
        status.setObservedGeneration(generation);
        Duration interval = Intervals.parse(source.getSpec().getFetchInterval());
        if (source.getSpec().isSuspend()) {
            Conditions.set(status.getConditions(), Conditions.READY, "False", "Suspended",
                    "suspended: the specs are not fetched and no Production changes", generation, clock.instant());
            return UpdateControl.patchStatus(source).rescheduleAfter(interval);
        }
        Engine engine = engines.forSource(source);
        SourceReport report = engine.refresh();
        report.fetched().ifPresent(r -> status.setFetchedRevision(r.commitId()));
        report.applied().ifPresent(r -> status.setAppliedRevision(r.commitId()));
        status.setLastFetchTime(Conditions.timestamp(clock.instant()));
        status.setLastFetchError(report.fetchError().map(GitUrls::redact).orElse(null));
        status.setValidationErrors(report.rejected().stream().limit(ERRORS_SHOWN).map(Diagnostic::toString)
                .map(GitUrls::redact).toList());
        if (report.fetchError().isPresent()) {
            metrics.fetchFailed(source.getMetadata().getName());
            Conditions.set(status.getConditions(), Conditions.READY, "False", "FetchFailed",
                    report.fetchError().get() + "; the revision in force keeps running", generation, clock.instant());
        } else if (!report.rejected().isEmpty()) {
            Conditions.set(status.getConditions(), Conditions.READY, "False", "InvalidRevision",
                    report.rejected().size() + " error(s) in " + report.fetched().map(r -> r.shortId()).orElse("the head")
                            + ", first: " + report.rejected().get(0) + "; "
                            + report.applied().map(r -> r.shortId() + " stays in force").orElse("nothing is in force"),
                    generation, clock.instant());
        }
        Optional<DesiredAtRevision> desired = engine.desired();
        if (desired.isPresent()) {
            int declared = syncProductions(source, desired.get());
            if (report.ready()) {
                Conditions.set(status.getConditions(), Conditions.READY, "True", "Applied", "revision "
                        + desired.get().revision().shortId() + " (" + desired.get().revision().subject() + ") in force: "
                        + declared + " productions", generation, clock.instant());
            }
        }
        return UpdateControl.patchStatus(source).rescheduleAfter(interval);
    }

    @Override
    public ErrorStatusUpdateControl<ProductionSource> updateErrorStatus(ProductionSource source,
                                                                         Context<ProductionSource> context, Exception e) {
        ProductionSourceStatus status = statusOf(source);
        status.setObservedGeneration(generation(source));
        // a source whose credentials are not for its repository is not retried into success: it says why
        String reason = e instanceof SecretCredentials.Refused ? "CredentialsRefused" : "ReconcileFailed";
        Conditions.set(status.getConditions(), Conditions.READY, "False", reason,
                e.getMessage() + "; retrying with back-off", generation(source), clock.instant());
        LOG.warn("source {}: {}", source.getMetadata().getName(), GitUrls.redact(e.toString()));
        return ErrorStatusUpdateControl.patchStatus(source);
    }

    /** Creates, updates and deletes Production resources to match; returns how many are declared. */
    private int syncProductions(ProductionSource source, DesiredAtRevision desired) {
        String namespace = source.getMetadata().getNamespace();
        var productions = client.resources(Production.class).inNamespace(namespace);
        Set<String> declared = new HashSet<>();
        for (var p : desired.state().productions()) {
            declared.add(p.name());
            Production wanted = ProductionResources.of(p, desired.revision().commitId(), source);
            Production existing = productions.withName(p.name()).get();
            if (existing == null) {
                productions.resource(wanted).create();
                LOG.info("production {}: created from {}", p.name(), desired.revision().shortId());
            } else if (!ProductionResources.sameSpec(existing.getSpec(), wanted.getSpec())) {
                productions.withName(p.name()).edit(r -> {
                    r.setSpec(wanted.getSpec());
                    return r;
                });
                LOG.info("production {}: spec updated to {}", p.name(), desired.revision().shortId());
            }
        }
        List<Production> owned = productions.withLabel(ProductionResources.SOURCE_LABEL, source.getMetadata().getName())
                .list().getItems();
        for (Production resource : owned) {
            String name = resource.getMetadata().getName();
            if (!declared.contains(name) && resource.getMetadata().getDeletionTimestamp() == null) {
                // its file left the specs: the finalizer kills its jobs and applies its removal policy
                productions.withName(name).delete();
                LOG.info("production {}: deleted, its file is not in {}", name, desired.revision().shortId());
            }
        }
        return declared.size();
    }

    private static ProductionSourceStatus statusOf(ProductionSource source) {
        if (source.getStatus() == null) {
            source.setStatus(new ProductionSourceStatus());
        }
        return source.getStatus();
    }

    private static long generation(ProductionSource source) {
        Long g = source.getMetadata().getGeneration();
        return g == null ? 0 : g;
    }
}
