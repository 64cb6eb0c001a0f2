package gov.bnl.sphenix.production.k8s;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Leader election over a {@code coordination.k8s.io} Lease, so that two replicas of the operator
 * never act at once: both watch (warm caches), only the holder of the Lease reconciles. A replica
 * that loses the Lease exits and is restarted by its Deployment rather than risk acting on a
 * stale belief that it still leads.
 *
 * @param leaseName         the Lease's name
 * @param leaseNamespace    where the Lease lives; empty for the namespace of the client
 * @param identity          this replica in the Lease's holderIdentity: the pod name
 * @param leaseDuration     how long a Lease holds without renewal: the longest a dead leader blocks a takeover
 * @param renewDeadline     how long the leader keeps trying to renew before it gives up leading
 * @param retryPeriod       how often candidates try to acquire and the leader renews
 * @param exitOnStopLeading exit the process on losing the Lease (true in a cluster; false in tests)
 */
public record LeaderElection(String leaseName, Optional<String> leaseNamespace, String identity,
                             Duration leaseDuration, Duration renewDeadline, Duration retryPeriod,
                             boolean exitOnStopLeading) {

    public static final String DEFAULT_LEASE_NAME = "sphenix-production-operator";

    public LeaderElection {
        Objects.requireNonNull(leaseName, "leaseName");
        Objects.requireNonNull(leaseNamespace, "leaseNamespace");
        Objects.requireNonNull(identity, "identity");
        // the client's elector checks this too, but only when it starts, far from the setting
        if (leaseDuration.compareTo(renewDeadline) <= 0 || renewDeadline.compareTo(retryPeriod.multipliedBy(12).dividedBy(10)) <= 0) {
            throw new IllegalArgumentException("leader election needs leaseDuration > renewDeadline > 1.2 x retryPeriod, got "
                    + leaseDuration + ", " + renewDeadline + ", " + retryPeriod);
        }
    }

    /** The client-go defaults (15 s, 10 s, 2 s), which JOSDK uses too. */
    public static LeaderElection withDefaults(String leaseName, Optional<String> leaseNamespace, String identity) {
        return new LeaderElection(leaseName, leaseNamespace, identity, Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofSeconds(2), true);
    }

    /**
     * From the environment the chart sets: {@code PRODOP_LEASE_NAME}, {@code PRODOP_LEASE_NAMESPACE}
     * (else {@code POD_NAMESPACE}), identity {@code POD_NAME} (else {@code HOSTNAME}, else the host's name).
     */
    public static LeaderElection fromEnvironment(Map<String, String> env) {
        String name = env.getOrDefault("PRODOP_LEASE_NAME", DEFAULT_LEASE_NAME);
        Optional<String> namespace = Optional.ofNullable(env.get("PRODOP_LEASE_NAMESPACE"))
                .or(() -> Optional.ofNullable(env.get("POD_NAMESPACE")))
                .filter(s -> !s.isBlank());
        return withDefaults(name, namespace, identity(env));
    }

    static String identity(Map<String, String> env) {
        for (String variable : new String[] {"POD_NAME", "HOSTNAME"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("no identity for leader election: set POD_NAME", e);
        }
    }

    /** The JOSDK configuration, telling {@code leadership} who leads as the Lease changes hands. */
    LeaderElectionConfiguration configuration(Leadership leadership) {
        LeaderElectionConfigurationBuilder builder = LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(leaseName)
                .withIdentity(identity)
                .withLeaseDuration(leaseDuration)
                .withRenewDeadline(renewDeadline)
                .withRetryPeriod(retryPeriod)
                .withExitOnStopLeading(exitOnStopLeading)
                .withLeaderCallbacks(new LeaderCallbacks(leadership::startedLeading, leadership::stoppedLeading,
                        leadership::newLeader));
        leaseNamespace.ifPresent(builder::withLeaseNamespace);
        return builder.build();
    }
}
