package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchState;
import gov.bnl.sphenix.production.k8s.Condition;
import gov.bnl.sphenix.production.k8s.Conditions;
import gov.bnl.sphenix.production.k8s.MockCluster;
import gov.bnl.sphenix.production.k8s.OperatorMain;
import gov.bnl.sphenix.production.k8s.OperatorSettings;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.ops.OperatorMetrics;
import gov.bnl.sphenix.production.source.WorldOverHttp;
import gov.bnl.sphenix.production.tools.demo.BrokenCommits;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator as a shift person meets it, on the Fabric8 mock API server with the specs served
 * over HTTP by a real git server, a real PostgreSQL and real jobs: a merged commit makes a
 * Production that shows its jobs; a broken commit makes the source not Ready with file:line and
 * touches nothing; a revert deletes the Production once its finalizer has killed its jobs.
 * The steps build on each other, so they run in order.
 */
@EnableKubernetesMockClient(crud = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorOnMockClusterTest {

    private static final String SOURCE = "sphenix-specs";
    private static final String STREAMING = "demo-streaming";

    static KubernetesClient client;

    @TempDir
    static Path dir;

    private static WorldOverHttp served;
    private static DemoWorld world;
    private static Engines engines;
    private static OperatorMain operator;
    private static RevCommit declared;

    @BeforeAll
    static void start() throws Exception {
        served = WorldOverHttp.create(dir, 1);
        world = served.world();
        MockCluster.installCrds(client);
        engines = new Engines(source -> world.engineFollowing(source.getSpec().url(), "mirror-" + source.getMetadata().getName()));
        OperatorMetrics metrics = new OperatorMetrics();
        StatusRecorder recorder = new StatusRecorder(client, "prodctl-operator");
        operator = new OperatorMain(client, OperatorSettings.single().withCloseClientOnStop(false)
                .watching(Set.of(MockCluster.NAMESPACE)), List.of(
                new ProductionSourceReconciler(client, recorder, engines, metrics, Clock.systemUTC()),
                new ProductionReconciler(engines, recorder, metrics, Duration.ofSeconds(1), Clock.systemUTC())));
        operator.start();
        client.resource(MockCluster.localSource(SOURCE, served.url())).create();
    }

    @AfterAll
    static void stop() {
        operator.close();
        engines.close();
        served.close();
    }

    @Test
    @Order(1)
    void aMergedCommitMakesAProductionThatShowsItsSubmittedJobs() throws Exception {
        declared = world.declare("streaming", "Merge pull request #1: start event building");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ProductionResource p = production(STREAMING);
            assertThat(p).isNotNull();
            assertThat(p.getStatus()).isNotNull();
            var jobs = p.getStatus().jobs();
            assertThat(jobs.queued() + jobs.running() + jobs.finished()).isPositive();
            assertThat(condition(p.getStatus().conditions(), Conditions.READY).status()).isEqualTo("True");
        });
        ProductionResource p = production(STREAMING);
        assertThat(p.getSpec().dsttype()).isEqualTo("DST_STREAMING_EVENT");
        assertThat(p.getSpec().revision()).isEqualTo(declared.getName());
        assertThat(p.getMetadata().getOwnerReferences()).extracting(o -> o.getName()).containsExactly(SOURCE);
        assertThat(p.getMetadata().getFinalizers()).isNotEmpty();
        assertThat(condition(p.getStatus().conditions(), Conditions.PROGRESSING).observedGeneration())
                .isEqualTo(p.getMetadata().getGeneration());
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(STREAMING).stream()
                .anyMatch(e -> e.getReason().equals("Submitted") && e.getMessage().startsWith("submitted ")));
        ProductionSource source = client.resources(ProductionSource.class).inNamespace(MockCluster.NAMESPACE)
                .withName(SOURCE).get();
        assertThat(source.getStatus().appliedRevision()).isEqualTo(declared.getName());
        assertThat(condition(source.getStatus().conditions(), Conditions.READY).status()).isEqualTo("True");
    }

    @Test
    @Order(2)
    void aBrokenCommitMakesTheSourceNotReadyWithFileAndLineAndTouchesNoProduction() throws Exception {
        RevCommit broken = BrokenCommits.commitTypo(world);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProductionSource source = client.resources(ProductionSource.class).inNamespace(MockCluster.NAMESPACE)
                    .withName(SOURCE).get();
            Condition ready = condition(source.getStatus().conditions(), Conditions.READY);
            assertThat(ready.status()).isEqualTo("False");
            assertThat(ready.reason()).isEqualTo("InvalidRevision");
            assertThat(ready.message()).contains(BrokenCommits.WHERE);
            assertThat(source.getStatus().fetchedRevision()).isEqualTo(broken.getName());
            assertThat(source.getStatus().appliedRevision()).isEqualTo(declared.getName());
        });
        assertThat(production("demo-broken")).isNull();
        assertThat(production(STREAMING).getSpec().revision()).isEqualTo(declared.getName());
        assertThat(production(STREAMING).getMetadata().getDeletionTimestamp()).isNull();

        world.specs().revertAndPush(broken);
    }

    @Test
    @Order(3)
    void aRevertDeletesTheProductionOnceItsFinalizerKilledItsJobs() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> world.batch().query(STREAMING).jobs().stream()
                .anyMatch(BatchJob::isLive));
        // held by hand, the jobs stay in the queue however fast they would run: the revert finds them there
        world.batch().hold(Selection.production(STREAMING), "kept for the revert");
        assertThat(world.batch().query(STREAMING).jobs()).anyMatch(BatchJob::isLive);

        world.specs().revertAndPush(declared);

        await().atMost(Duration.ofSeconds(60)).until(() -> production(STREAMING) == null);
        assertThat(world.batch().query(STREAMING).jobs()).noneMatch(BatchJob::isLive);
        assertThat(world.batch().history(Selection.production(STREAMING), 1000).jobs())
                .anyMatch(j -> j.state() == BatchState.REMOVED);
    }

    private static ProductionResource production(String name) {
        return client.resources(ProductionResource.class).inNamespace(MockCluster.NAMESPACE).withName(name).get();
    }

    private static Condition condition(List<Condition> conditions, String type) {
        Condition c = Conditions.find(conditions, type);
        assertThat(c).as("condition " + type).isNotNull();
        return c;
    }

    private static List<Event> eventsOf(String production) {
        return client.v1().events().inNamespace(MockCluster.NAMESPACE).list().getItems().stream()
                .filter(e -> production.equals(e.getInvolvedObject().getName())).toList();
    }
}
