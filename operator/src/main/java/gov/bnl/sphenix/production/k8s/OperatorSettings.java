package gov.bnl.sphenix.production.k8s;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the JOSDK operator runs.
 *
 * @param leaderElection     the Lease to hold before reconciling; empty for a single replica (and tests)
 * @param watchNamespaces    where the resources are watched; empty for every namespace (which needs
 *                           cluster-wide RBAC, so the chart watches its own namespace unless told otherwise)
 * @param serverSideApply    patch the primary resources' status by server-side apply. Off: the
 *                           reconcilers change the received resource's status and JOSDK patches it,
 *                           one writer (the leader) owns status; and the test API server answers SSA with 415
 * @param reconcileThreads   resources reconciled at once; a pass mostly waits on the catalog and the schedd
 * @param closeClientOnStop  close the Kubernetes client when the operator stops (not when the client is shared)
 */
public record OperatorSettings(Optional<LeaderElection> leaderElection, Set<String> watchNamespaces,
                               boolean serverSideApply, int reconcileThreads, boolean closeClientOnStop) {

    public OperatorSettings {
        Objects.requireNonNull(leaderElection, "leaderElection");
        watchNamespaces = Set.copyOf(watchNamespaces);
        if (reconcileThreads < 1) {
            throw new IllegalArgumentException("reconcileThreads must be at least 1, got " + reconcileThreads);
        }
    }

    /** One replica, no Lease: a laptop, or a test. */
    public static OperatorSettings single() {
        return new OperatorSettings(Optional.empty(), Set.of(), false, 4, true);
    }

    public OperatorSettings withLeaderElection(LeaderElection election) {
        return new OperatorSettings(Optional.of(election), watchNamespaces, serverSideApply, reconcileThreads,
                closeClientOnStop);
    }

    public OperatorSettings watching(Set<String> namespaces) {
        return new OperatorSettings(leaderElection, namespaces, serverSideApply, reconcileThreads, closeClientOnStop);
    }

    public OperatorSettings withCloseClientOnStop(boolean close) {
        return new OperatorSettings(leaderElection, watchNamespaces, serverSideApply, reconcileThreads, close);
    }

    /**
     * From the environment the chart sets: leader election unless {@code PRODOP_LEADER_ELECTION=false}
     * (see {@link LeaderElection#fromEnvironment}), {@code PRODOP_WATCH_NAMESPACES} (comma-separated;
     * unset or empty for all), {@code PRODOP_RECONCILE_THREADS} (default 4).
     */
    public static OperatorSettings fromEnvironment(Map<String, String> env) {
        boolean elect = !"false".equalsIgnoreCase(env.getOrDefault("PRODOP_LEADER_ELECTION", "true"));
        int threads = Integer.parseInt(env.getOrDefault("PRODOP_RECONCILE_THREADS", "4"));
        Set<String> namespaces = Arrays.stream(env.getOrDefault("PRODOP_WATCH_NAMESPACES", "").split(","))
                .map(String::strip).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        return new OperatorSettings(elect ? Optional.of(LeaderElection.fromEnvironment(env)) : Optional.empty(),
                namespaces, false, threads, true);
    }
}
