package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.ops.ProcessReadiness;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JOSDK setup on the mock API server: CRDs from crds/, status patches, a finalizer. */
@EnableKubernetesMockClient(crud = true)
class OperatorMainTest {

    static KubernetesClient client;
    private static final StampingReconciler reconciler = new StampingReconciler("replica-0");
    private static OperatorMain operator;

    @BeforeAll
    static void start() {
        MockCluster.installCrds(client);
        operator = new OperatorMain(client, OperatorSettings.single().withCloseClientOnStop(false)
                .watching(Set.of(MockCluster.NAMESPACE)), List.of(reconciler));
        assertThat(operator.readiness().ready()).as("not ready before it starts").isFalse();
        operator.start();
    }

    @AfterAll
    static void stop() {
        operator.close();
    }

    private static Resource<ProductionResource> resource(String name) {
        return client.resources(ProductionResource.class).inNamespace(MockCluster.NAMESPACE).withName(name);
    }

    @Test
    void theCommittedCrdsAreInstalledWithTheirStatusSubresource() {
        var crd = client.apiextensions().v1().customResourceDefinitions()
                .withName("productions.production.sphenix.bnl.gov").get();
        assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull();
        assertThat(client.apiextensions().v1().customResourceDefinitions()
                .withName("productionsources.production.sphenix.bnl.gov").get()).isNotNull();
    }

    @Test
    void aProductionGetsReadyStatusWithItsGenerationAndAFinalizer() {
        client.resource(MockCluster.production("dst-calo", "DST_CALO")).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ProductionResource p = resource("dst-calo").get();
            assertThat(p.getMetadata().getFinalizers()).hasSize(1);
            assertThat(p.getStatus()).isNotNull();
            assertThat(p.getStatus().observedGeneration()).isEqualTo(p.getMetadata().getGeneration());
            Condition ready = Conditions.find(p.getStatus().conditions(), Conditions.READY);
            assertThat(ready).isNotNull();
            assertThat(ready.status()).isEqualTo("True");
            assertThat(ready.message()).isEqualTo("reconciled by replica-0");
            assertThat(ready.observedGeneration()).isEqualTo(p.getMetadata().getGeneration());
            assertThat(ready.lastTransitionTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        });
        assertThat(resource("dst-calo").get().getSpec().dsttype()).as("status patch leaves spec alone")
                .isEqualTo("DST_CALO");
        assertThat(operator.readiness()).isEqualTo(new ProcessReadiness(true,
                "running; 1 controllers"));
    }

    @Test
    void aSpecChangeIsSeenAtItsNewGenerationWithoutAFreshTransition() {
        client.resource(MockCluster.production("dst-trkr", "DST_TRKR_HIT")).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> readyGeneration("dst-trkr") != null);
        ProductionResource first = resource("dst-trkr").get();
        String since = Conditions.find(first.getStatus().conditions(), Conditions.READY).lastTransitionTime();

        resource("dst-trkr").edit(p -> {
            p.setSpec(MockCluster.spec(p.getSpec().dsttype(), "new_nocdbtag_v002"));
            return p;
        });
        long newGeneration = resource("dst-trkr").get().getMetadata().getGeneration();
        assertThat(newGeneration).as("the API server counts spec changes").isGreaterThan(first.getMetadata().getGeneration());

        await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(newGeneration).equals(readyGeneration("dst-trkr")));
        ProductionResource second = resource("dst-trkr").get();
        assertThat(second.getStatus().observedGeneration()).isEqualTo(newGeneration);
        assertThat(Conditions.find(second.getStatus().conditions(), Conditions.READY).lastTransitionTime())
                .as("Ready stayed True, so it has been since the first pass").isEqualTo(since);
    }

    @Test
    void deletingAProductionRunsItsCleanupBeforeItGoes() {
        client.resource(MockCluster.production("dst-mbd", "DST_MBD")).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ProductionResource p = resource("dst-mbd").get();
            return p != null && !p.getMetadata().getFinalizers().isEmpty();
        });

        resource("dst-mbd").delete();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reconciler.cleanedUp).contains("dst-mbd");
            assertThat(resource("dst-mbd").get()).as("gone once the finalizer is removed").isNull();
        });
    }

    @Test
    void productionsOutsideTheWatchedNamespacesAreLeftAlone() {
        ProductionResource elsewhere = MockCluster.production("dst-elsewhere", "DST_CALO");
        elsewhere.getMetadata().setNamespace("elsewhere");
        client.resource(elsewhere).create();
        client.resource(MockCluster.production("dst-here", "DST_CALO")).create();

        await().atMost(Duration.ofSeconds(20)).until(() -> readyGeneration("dst-here") != null);
        assertThat(reconciler.reconciled).doesNotContain("dst-elsewhere");
        ProductionResource untouched = client.resources(ProductionResource.class).inNamespace("elsewhere").withName("dst-elsewhere").get();
        assertThat(untouched.getStatus()).isNull();
        assertThat(untouched.getMetadata().getFinalizers()).isEmpty();
    }

    private static Long readyGeneration(String name) {
        ProductionResource p = resource(name).get();
        Condition ready = p == null || p.getStatus() == null ? null
                : Conditions.find(p.getStatus().conditions(), Conditions.READY);
        return ready == null ? null : ready.observedGeneration();
    }
}
