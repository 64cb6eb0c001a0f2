package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.catalog.ledger.ProductionState;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.LocalWorlds;
import gov.bnl.sphenix.production.control.SpecFollower;
import gov.bnl.sphenix.production.k8s.Condition;
import gov.bnl.sphenix.production.k8s.Conditions;
import gov.bnl.sphenix.production.k8s.MockCluster;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSourceSpec;
import gov.bnl.sphenix.production.k8s.ProductionSourceStatus;
import gov.bnl.sphenix.production.ops.OperatorMetrics;
import gov.bnl.sphenix.production.source.GitSpecSource;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.tools.world.SpecsWorkspace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The removal guard as a production manager meets it on the cluster (mock API server in CRUD
 * mode, real git and ledger): a commit removing more productions than the source allows leaves
 * every Production resource in place and says {@code Blocked} until the source is annotated with
 * that very commit.
 */
@EnableKubernetesMockClient(crud = true)
class RemovalGuardOnSourceTest {

    KubernetesClient client;

    @TempDir
    Path dir;

    private DemoWorld world;
    private Engines engines;
    private ProductionSourceReconciler reconciler;

    @BeforeEach
    void start() throws Exception {
        world = LocalWorlds.create(dir.resolve("world"));
        MockCluster.installCrds(client);
        engines = new Engines(this::engine);
        reconciler = new ProductionSourceReconciler(client, new StatusRecorder(client, "prodctl-operator"), engines,
                new OperatorMetrics(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        engines.close();
        world.close();
    }

    private EngineAssembly engine(ProductionSource source) throws Exception {
        GitSpecSource specs = new GitSpecSource(source.getSpec().url(), source.getSpec().branch(),
                world.root().resolve("mirror-" + source.getMetadata().getName()), Optional.empty(), Duration.ofSeconds(30));
        SpecFollower follower = new SpecFollower(specs, new ProductionRegistry(world.catalogs().ledger(),
                world.catalogs().retry()), Clock.systemUTC(), EnvironmentEngineFactory.sourceName(source));
        return EngineAssembly.sharing(EngineAssembly.engine(follower, world.catalogs(), world.batch(), world.settings(),
                Clock.systemUTC(), CrashPoint.NONE), world.catalogs(), world.batch());
    }

    @Test
    void aCommitRemovingMoreThanTheSourceAllowsIsBlockedUntilTheSourceIsAnnotatedWithIt() throws Exception {
        ProductionSource source = source("specs", 1);
        world.declare("streaming", "Merge pull request #1: start event building");
        RevCommit both = world.declare("cluster", "Merge pull request #2: start clustering");
        assertThat(reconcile(source).status()).isEqualTo("True");
        assertThat(productions()).hasSize(2);

        Files.delete(world.specs().workingCopy().resolve(DemoWorld.PRODUCTIONS + "streaming.yaml"));
        Files.delete(world.specs().workingCopy().resolve(DemoWorld.PRODUCTIONS + "cluster.yaml"));
        RevCommit retire = world.specs().commitAndPush("Merge pull request #3: retire the demo");
        String confirmation = retire.getName().substring(0, 12);

        Condition ready = reconcile(source);
        Condition blocked = Conditions.find(status(source).conditions(), Conditions.BLOCKED);
        assertThat(ready.status()).isEqualTo("False");
        assertThat(ready.reason()).isEqualTo("RemovalUnconfirmed");
        assertThat(blocked.status()).isEqualTo("True");
        assertThat(blocked.reason()).isEqualTo("RemovalUnconfirmed");
        assertThat(blocked.message()).isEqualTo("commit " + retire.getName().substring(0, 7) + " would remove 2"
                + " productions (demo-cluster, demo-streaming) and kill 0 jobs (limits: 1 production, 1000 jobs);"
                + " confirm with a merge commit trailer 'Prodctl-Allow-Removal: 2' or annotate the ProductionSource:"
                + " kubectl -n " + MockCluster.NAMESPACE + " annotate productionsource specs --overwrite"
                + " production.sphenix.bnl.gov/allow-removal=" + confirmation + "; "
                + both.getName().substring(0, 7) + " stays in force");
        assertThat(status(source).fetchedRevision()).isEqualTo(retire.getName());
        assertThat(status(source).appliedRevision()).isEqualTo(both.getName());
        assertThat(productions()).as("no Production is deleted while the commit waits").hasSize(2)
                .allMatch(p -> p.getMetadata().getDeletionTimestamp() == null);

        annotate(source, both.getName());
        assertThat(reconcile(source).reason()).as("an annotation naming another commit confirms nothing")
                .isEqualTo("RemovalUnconfirmed");
        assertThat(Conditions.find(status(source).conditions(), Conditions.BLOCKED).message())
                .contains("the confirmation names " + both.getName() + ", not " + retire.getName().substring(0, 7));
        assertThat(registry().find("demo-streaming").orElseThrow().state()).isEqualTo(ProductionState.ACTIVE);

        annotate(source, confirmation);
        ready = reconcile(source);
        blocked = Conditions.find(status(source).conditions(), Conditions.BLOCKED);

        assertThat(ready.status()).isEqualTo("True");
        assertThat(blocked.status()).isEqualTo("False");
        assertThat(blocked.reason()).isEqualTo("Applied");
        assertThat(status(source).appliedRevision()).isEqualTo(retire.getName());
        assertThat(productions()).allMatch(p -> p.getMetadata().getDeletionTimestamp() != null);
        assertThat(registry().find("demo-streaming").orElseThrow().state())
                .isIn(ProductionState.REMOVING, ProductionState.REMOVED);
    }

    @Test
    void theSourcesLimitsDefaultToFiveProductionsAndAThousandJobs() {
        ProductionSource source = source("defaults", null);

        assertThat(onServer(source).get().getSpec().removalLimits().describe())
                .isEqualTo("limits: 5 productions, 1000 jobs");
    }

    private Condition reconcile(ProductionSource source) throws Exception {
        reconciler.reconcile(onServer(source).get(), null);
        return Conditions.find(status(source).conditions(), Conditions.READY);
    }

    private void annotate(ProductionSource source, String commit) {
        onServer(source).edit(s -> {
            s.getMetadata().getAnnotations().put(ProductionSource.ALLOW_REMOVAL, commit);
            return s;
        });
    }

    private List<ProductionResource> productions() {
        return client.resources(ProductionResource.class).inNamespace(MockCluster.NAMESPACE).list().getItems();
    }

    private ProductionRegistry registry() {
        return new ProductionRegistry(world.catalogs().ledger(), world.catalogs().retry());
    }

    private ProductionSourceStatus status(ProductionSource source) {
        return onServer(source).get().getStatus();
    }

    private Resource<ProductionSource> onServer(ProductionSource source) {
        return client.resources(ProductionSource.class).inNamespace(MockCluster.NAMESPACE)
                .withName(source.getMetadata().getName());
    }

    /** A source on the API server, as people create it, allowing {@code maxRemovals} (null: the default). */
    private ProductionSource source(String name, Integer maxRemovals) {
        ProductionSource source = new ProductionSource();
        source.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(MockCluster.NAMESPACE)
                .withUid("uid-" + name).withGeneration(1L).withAnnotations(new java.util.HashMap<>()).build());
        source.setSpec(new ProductionSourceSpec(world.specs().url(), SpecsWorkspace.BRANCH, null, "1s", null, null,
                new ProductionSourceSpec.BatchSettings("local", null, null), false, maxRemovals, null));
        return client.resource(source).create();
    }
}
