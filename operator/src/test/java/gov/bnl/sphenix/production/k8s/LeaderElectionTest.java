package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the operator on one API server: one holds the Lease and reconciles, the other
 * stands by, and takes over when the leader stops. JOSDK's own leader election, driven on the mock
 * API server: it only needs the permission check (a SelfSubjectRulesReview) answered.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    private static final String LEASE = "prodop-leader-test";
    private OperatorMain a;
    private OperatorMain b;

    @BeforeAll
    static void cluster() {
        MockCluster.installCrds(client);
        // JOSDK asks the API server whether it may get, create and update Leases before it
        // campaigns; the mock server does not evaluate RBAC, so it answers as a real one would
        // for the chart's Role
        SelfSubjectRulesReview allowed = new SelfSubjectRulesReviewBuilder()
                .withNewStatus().withIncomplete(false)
                .withResourceRules(new ResourceRuleBuilder().withApiGroups("coordination.k8s.io")
                        .withResources("leases").withVerbs("get", "create", "update").build())
                .endStatus().build();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, allowed).always();
    }

    @AfterEach
    void stopBoth() {
        Stream.of(a, b).filter(o -> o != null).forEach(OperatorMain::close);
    }

    /** Short times so a takeover is seconds, not the production default's 15 s. */
    private static OperatorMain replica(String identity, StampingReconciler reconciler) {
        LeaderElection election = new LeaderElection(LEASE, Optional.of(MockCluster.NAMESPACE), identity,
                Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(250), false);
        OperatorMain replica = new OperatorMain(client,
                OperatorSettings.single().withLeaderElection(election).withCloseClientOnStop(false), List.of(reconciler));
        replica.start();
        return replica;
    }

    private static String holder() {
        Lease lease = client.leases().inNamespace(MockCluster.NAMESPACE).withName(LEASE).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    private static String readyMessage(String production) {
        ProductionResource p = client.resources(ProductionResource.class).inNamespace(MockCluster.NAMESPACE).withName(production).get();
        Condition ready = p == null || p.getStatus() == null ? null
                : Conditions.find(p.getStatus().conditions(), Conditions.READY);
        return ready == null ? null : ready.message();
    }

    @Test
    void oneReplicaLeadsAndTheOtherTakesOverWhenItStops() {
        StampingReconciler reconcilerA = new StampingReconciler("replica-a");
        StampingReconciler reconcilerB = new StampingReconciler("replica-b");
        a = replica("replica-a", reconcilerA);
        b = replica("replica-b", reconcilerB);

        await().atMost(Duration.ofSeconds(15)).until(() -> a.leadership().isLeading() || b.leadership().isLeading());
        OperatorMain leader = a.leadership().isLeading() ? a : b;
        OperatorMain standby = leader == a ? b : a;
        StampingReconciler standbyReconciler = standby == a ? reconcilerA : reconcilerB;
        assertThat(standby.leadership().isLeading()).as("never two leaders").isFalse();
        assertThat(holder()).isEqualTo(leader.leadership().identity());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(standby.readiness().ready()).as("a standby is ready, or rolling updates would stall").isTrue();
            assertThat(standby.readiness().reason()).startsWith("standing by; leader is " + leader.leadership().identity());
        });
        assertThat(leader.readiness().reason()).startsWith("leading as " + leader.leadership().identity());

        client.resource(MockCluster.production("before-takeover", "DST_CALO")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> readyMessage("before-takeover") != null);
        assertThat(readyMessage("before-takeover")).isEqualTo("reconciled by " + leader.leadership().identity());
        assertThat(standbyReconciler.reconciled).as("the standby watches but does not act").isEmpty();

        leader.close();

        await().atMost(Duration.ofSeconds(15)).until(() -> standby.leadership().isLeading());
        assertThat(holder()).isEqualTo(standby.leadership().identity());
        client.resource(MockCluster.production("after-takeover", "DST_CALO")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> readyMessage("after-takeover") != null);
        assertThat(readyMessage("after-takeover")).isEqualTo("reconciled by " + standby.leadership().identity());
    }
}
