package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.batch.local.LocalExecutor;
import gov.bnl.sphenix.production.batch.local.LocalSettings;
import gov.bnl.sphenix.production.k8s.LeaderElection;
import gov.bnl.sphenix.production.k8s.MockCluster;
import gov.bnl.sphenix.production.k8s.OperatorMain;
import gov.bnl.sphenix.production.k8s.OperatorSettings;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSourceSpec;
import gov.bnl.sphenix.production.ops.OperatorMetrics;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two operator replicas with the real reconcilers on one API server and one ledger: only the
 * holder of the Lease opens an engine and acts; the standby never touches git, the ledger or
 * the batch system.
 */
@EnableKubernetesMockClient(crud = true)
class OnlyTheLeaderActsTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    @TempDir
    Path dir;

    private DemoWorld world;
    private Engines enginesA;
    private Engines enginesB;
    private OperatorMain a;
    private OperatorMain b;
    private final Set<String> opened = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        List.of(a, b).forEach(OperatorMain::close);
        enginesA.close();
        enginesB.close();
        world.close();
    }

    @Test
    void theStandbyOpensNoEngineAndMakesNoProduction() throws Exception {
        MockCluster.installCrds(client);
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus().withIncomplete(false)
                        .withResourceRules(new ResourceRuleBuilder().withApiGroups("coordination.k8s.io")
                                .withResources("leases").withVerbs("get", "create", "update").build())
                        .endStatus().build()).always();
        world = DemoWorld.create(dir.resolve("world"), RepositoryFiles.productionSpecs(), 12, 7,
                data -> new LocalExecutor(LocalSettings.defaults().withMaxRunning(1)));
        world.declare("streaming", "Merge pull request #1: start event building");
        enginesA = engines("replica-a");
        enginesB = engines("replica-b");
        a = replica("replica-a", enginesA);
        b = replica("replica-b", enginesB);
        client.resource(source(world.specs().url())).create();

        await().atMost(Duration.ofSeconds(30)).until(() -> client.resources(ProductionResource.class)
                .inNamespace(MockCluster.NAMESPACE).withName("demo-streaming").get() != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> a.leadership().isLeading() || b.leadership().isLeading());
        String leader = a.leadership().isLeading() ? "replica-a" : "replica-b";
        String standby = leader.equals("replica-a") ? "replica-b" : "replica-a";

        assertThat(opened).contains(leader).doesNotContain(standby);
        assertThat((leader.equals("replica-a") ? enginesB : enginesA).find(MockCluster.NAMESPACE, "specs")).isEmpty();
    }

    private Engines engines(String replica) {
        return new Engines(source -> {
            opened.add(replica);
            return world.engineFollowing(source.getSpec().url(), "mirror-" + replica);
        });
    }

    private static OperatorMain replica(String identity, Engines engines) {
        LeaderElection election = new LeaderElection("prodop-leader-acts", Optional.of(MockCluster.NAMESPACE), identity,
                Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(250), false);
        OperatorMetrics metrics = new OperatorMetrics();
        StatusRecorder recorder = new StatusRecorder(client, identity);
        OperatorMain replica = new OperatorMain(client, OperatorSettings.single().withLeaderElection(election)
                .withCloseClientOnStop(false), List.of(
                new ProductionSourceReconciler(client, recorder, engines, metrics, Clock.systemUTC()),
                new ProductionReconciler(engines, recorder, metrics, Duration.ofSeconds(1), Clock.systemUTC())));
        replica.start();
        return replica;
    }

    private static ProductionSource source(String url) {
        ProductionSource source = new ProductionSource();
        source.setMetadata(new ObjectMetaBuilder().withName("specs").withNamespace(MockCluster.NAMESPACE).build());
        source.setSpec(new ProductionSourceSpec(url, null, null, "1s", null, null,
                new ProductionSourceSpec.BatchSettings("local", null, null), false));
        return source;
    }
}
