package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaderElectionSettingsTest {

    @Test
    void theChartsEnvironmentNamesLeaseNamespaceAndPod() {
        LeaderElection election = LeaderElection.fromEnvironment(Map.of("PRODOP_LEASE_NAME", "prodop",
                "POD_NAMESPACE", "sphenix-prod", "POD_NAME", "prodop-7d9c-abcde", "HOSTNAME", "other"));
        assertThat(election.leaseName()).isEqualTo("prodop");
        assertThat(election.leaseNamespace()).contains("sphenix-prod");
        assertThat(election.identity()).isEqualTo("prodop-7d9c-abcde");
        assertThat(election.exitOnStopLeading()).isTrue();
        assertThat(election.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void withoutThemTheDefaultLeaseTheClientsNamespaceAndTheHostName() {
        LeaderElection election = LeaderElection.fromEnvironment(Map.of("HOSTNAME", "laptop"));
        assertThat(election.leaseName()).isEqualTo(LeaderElection.DEFAULT_LEASE_NAME);
        assertThat(election.leaseNamespace()).isEmpty();
        assertThat(election.identity()).isEqualTo("laptop");
        assertThat(LeaderElection.identity(Map.of())).isNotBlank();
    }

    @Test
    void anExplicitLeaseNamespaceWinsOverThePods() {
        assertThat(LeaderElection.fromEnvironment(Map.of("PRODOP_LEASE_NAMESPACE", "leases", "POD_NAMESPACE", "pods"))
                .leaseNamespace()).contains("leases");
    }

    @Test
    void timesThatCannotWorkAreRejectedWhereTheyAreSet() {
        assertThatThrownBy(() -> new LeaderElection("l", Optional.empty(), "me", Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(2), true)).hasMessageContaining("leaseDuration > renewDeadline");
        assertThatThrownBy(() -> new LeaderElection("l", Optional.empty(), "me", Duration.ofSeconds(15),
                Duration.ofSeconds(2), Duration.ofSeconds(2), true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJosdkConfigurationCarriesEverySetting() {
        LeaderElection election = new LeaderElection("prodop", Optional.of("ns"), "me", Duration.ofSeconds(20),
                Duration.ofSeconds(12), Duration.ofSeconds(3), false);
        LeaderElectionConfiguration c = election.configuration(new Leadership("me"));
        assertThat(c.getLeaseName()).isEqualTo("prodop");
        assertThat(c.getLeaseNamespace()).contains("ns");
        assertThat(c.getIdentity()).contains("me");
        assertThat(c.getLeaseDuration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.getRenewDeadline()).isEqualTo(Duration.ofSeconds(12));
        assertThat(c.getRetryPeriod()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.isExitOnStopLeading()).isFalse();
        assertThat(c.getLeaderCallbacks()).isPresent();
    }

    @Test
    void operatorSettingsFromTheEnvironment() {
        OperatorSettings elected = OperatorSettings.fromEnvironment(Map.of("POD_NAME", "p", "PRODOP_RECONCILE_THREADS", "8",
                "PRODOP_WATCH_NAMESPACES", "sphenix, sphenix-test,"));
        assertThat(elected.leaderElection()).isPresent();
        assertThat(elected.watchNamespaces()).containsExactlyInAnyOrder("sphenix", "sphenix-test");
        assertThat(elected.reconcileThreads()).isEqualTo(8);
        assertThat(elected.serverSideApply()).isFalse();
        OperatorSettings single = OperatorSettings.fromEnvironment(Map.of("PRODOP_LEADER_ELECTION", "false"));
        assertThat(single.leaderElection()).isEmpty();
        assertThat(single.watchNamespaces()).as("every namespace").isEmpty();
    }
}
