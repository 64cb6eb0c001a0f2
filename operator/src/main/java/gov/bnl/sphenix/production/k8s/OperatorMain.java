package gov.bnl.sphenix.production.k8s;

import gov.bnl.sphenix.production.ops.ProcessReadiness;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds and runs the JOSDK operator with the given reconcilers: the one place that knows how
 * JOSDK is configured here. The reconcilers are passed in, so the engine's reconcilers and the
 * tests' plug in alike.
 */
public final class OperatorMain implements AutoCloseable {

    private final Operator operator;
    private final Leadership leadership;
    private final boolean elected;

    /** An operator whose JOSDK metrics go nowhere (tests of reconciling alone). */
    public OperatorMain(KubernetesClient client, OperatorSettings settings, List<? extends Reconciler<?>> reconcilers) {
        this(client, settings, reconcilers, null);
    }

    /**
     * An operator whose JOSDK reconciler metrics (reconciliations started, failed, their execution
     * time, events received, per controller) join {@code meters}, the registry {@code /metrics}
     * scrapes. Not per resource: a series per production and controller would double the scrape
     * for what the operator's own {@code prodop_*} metrics already say per production.
     */
    public OperatorMain(KubernetesClient client, OperatorSettings settings, List<? extends Reconciler<?>> reconcilers,
                        MeterRegistry meters) {
        Objects.requireNonNull(client, "client");
        if (reconcilers.isEmpty()) {
            throw new IllegalArgumentException("an operator without reconcilers does nothing");
        }
        this.elected = settings.leaderElection().isPresent();
        this.leadership = new Leadership(settings.leaderElection().map(LeaderElection::identity).orElse("single"));
        this.operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withUseSSAToPatchPrimaryResource(settings.serverSideApply())
                    .withSSABasedCreateUpdateMatchForDependentResources(settings.serverSideApply())
                    .withConcurrentReconciliationThreads(settings.reconcileThreads())
                    .withCloseClientOnStop(settings.closeClientOnStop());
            if (meters != null) {
                o.withMetrics(MicrometerMetrics.withoutPerResourceMetrics(meters));
            }
            settings.leaderElection().ifPresent(e -> o.withLeaderElectionConfiguration(e.configuration(leadership)));
        });
        reconcilers.forEach(r -> register(r, settings.watchNamespaces()));
    }

    private <P extends HasMetadata> void register(Reconciler<P> reconciler, Set<String> namespaces) {
        operator.register(reconciler, o -> {
            if (!namespaces.isEmpty()) {
                o.settingNamespaces(namespaces);
            }
        });
    }

    /** Starts watching; with leader election, reconciling begins once this replica holds the Lease. */
    public void start() {
        operator.start();
    }

    public Leadership leadership() {
        return leadership;
    }

    /**
     * Ready once started and every informer is healthy. A replica standing by for the Lease is
     * ready too: were it not, a rolling update would wait forever for a new pod that cannot lead
     * while the old one holds the Lease.
     */
    public ProcessReadiness readiness() {
        RuntimeInfo runtime = operator.getRuntimeInfo();
        if (!runtime.isStarted()) {
            return ProcessReadiness.notReady("operator not started");
        }
        // JOSDK lists every controller here, a healthy one with no event sources under it
        List<String> unhealthy = runtime.unhealthyEventSources().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + " " + e.getValue().keySet()).toList();
        if (!unhealthy.isEmpty()) {
            return ProcessReadiness.notReady("unhealthy event sources: " + unhealthy);
        }
        String role = !elected ? "running"
                : leadership.isLeading() ? "leading as " + leadership.identity()
                : "standing by; leader is " + leadership.leader().orElse("not known yet");
        return ProcessReadiness.ready(role + "; " + runtime.getRegisteredControllers().size() + " controllers");
    }

    @Override
    public void close() {
        operator.stop();
    }
}
