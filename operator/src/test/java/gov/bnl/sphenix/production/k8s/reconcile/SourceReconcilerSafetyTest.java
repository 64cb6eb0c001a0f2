package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.ledger.ProductionRegistry;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.SpecFollower;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import gov.bnl.sphenix.production.tools.world.SpecsWorkspace;
import gov.bnl.sphenix.production.k8s.Condition;
import gov.bnl.sphenix.production.k8s.Conditions;
import gov.bnl.sphenix.production.k8s.MockCluster;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSourceSpec;
import gov.bnl.sphenix.production.k8s.ProductionSourceStatus;
import gov.bnl.sphenix.production.ops.OperatorMetrics;
import gov.bnl.sphenix.production.source.GitHttpServer;
import gov.bnl.sphenix.production.source.GitSpecSource;
import gov.bnl.sphenix.production.source.WorldOverHttp;
import gov.bnl.sphenix.production.spec.load.SpecLoader;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source reconciler as the operator drives it (a reconcile that throws is followed by the
 * error status update), on the mock API server with a real git repository and ledger: a commit
 * that cannot be loaded stays rejected, credentials go only where their Secret says, and no URL
 * shows its user-info in the status.
 */
@EnableKubernetesMockClient(crud = true)
class SourceReconcilerSafetyTest {

    /** A file whose presence makes the (test) loader throw, as a loader bug would. */
    private static final String TRIPWIRE = "LOADER-FAILS";

    static KubernetesClient client;

    @TempDir
    static Path dir;

    private static WorldOverHttp served;
    private static DemoWorld world;
    private static GitHttpServer git;
    private static Engines engines;
    private static ProductionSourceReconciler reconciler;

    @BeforeAll
    static void start() throws Exception {
        served = WorldOverHttp.create(dir, 1);
        world = served.world();
        git = served.server();
        MockCluster.installCrds(client);
        engines = new Engines(SourceReconcilerSafetyTest::engineWithTrippingLoader);
        reconciler = new ProductionSourceReconciler(client, new StatusRecorder(client, "prodctl-operator"), engines,
                new OperatorMetrics(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        engines.close();
        served.close();
    }

    private static EngineAssembly engineWithTrippingLoader(ProductionSource source) throws Exception {
        GitSpecSource specs = new GitSpecSource(source.getSpec().url(), source.getSpec().branch(),
                world.root().resolve("mirror-" + source.getMetadata().getName()), Optional.empty(), Duration.ofSeconds(30));
        SpecFollower follower = new SpecFollower(specs, new ProductionRegistry(world.catalogs().ledger(),
                world.catalogs().retry()), Clock.systemUTC(), EnvironmentEngineFactory.sourceName(source), tree -> {
                    if (tree.exists(TRIPWIRE)) {
                        throw new IllegalStateException("the loader tripped over " + TRIPWIRE);
                    }
                    return SpecLoader.load(tree);
                });
        return EngineAssembly.sharing(EngineAssembly.engine(follower, world.catalogs(), world.batch(), world.settings(),
                Clock.systemUTC(), CrashPoint.NONE), world.catalogs(), world.batch());
    }

    @Test
    void aCommitWhoseLoadingThrowsStaysRejectedOnEveryReconcileUntilANewCommit() throws Exception {
        ProductionSource source = source("tripping", world.specs().url(), SpecsWorkspace.BRANCH, null);
        RevCommit good = world.declare("streaming", "Merge pull request #1: start event building");
        assertThat(reconcile(source).status()).isEqualTo("True");

        world.specs().write(TRIPWIRE, "whatever makes the loader throw\n");
        RevCommit tripping = world.specs().commitAndPush("A commit the loader cannot cope with");
        for (int reconcile = 1; reconcile <= 3; reconcile++) {
            Condition ready = reconcile(source);
            assertThat(ready.status()).as("reconcile %d after the commit", reconcile).isEqualTo("False");
            assertThat(ready.reason()).isEqualTo("InvalidRevision");
            assertThat(ready.message()).contains("could not be loaded", "the loader tripped over " + TRIPWIRE,
                    good.abbreviate(7).name() + " stays in force");
            assertThat(status(source).fetchedRevision()).isEqualTo(tripping.getName());
            assertThat(status(source).appliedRevision()).isEqualTo(good.getName());
            assertThat(status(source).validationErrors()).singleElement().asString().contains(TRIPWIRE);
        }

        Files.delete(world.specs().workingCopy().resolve(TRIPWIRE));
        RevCommit fixed = world.specs().commitAndPush("Revert the commit the loader could not cope with");
        assertThat(reconcile(source).status()).isEqualTo("True");
        assertThat(status(source).appliedRevision()).isEqualTo(fixed.getName());
    }

    @Test
    void credentialsMeantForAnotherUrlAreRefusedBeforeTheServerIsAsked() throws Exception {
        client.resource(new SecretBuilder().withNewMetadata().withName("prodop-git").withNamespace(MockCluster.NAMESPACE)
                .endMetadata().withData(Map.of("username", b64("prodbot"), "password", b64("ghp_secret"),
                        "urlPrefix", b64("https://git.example.org/sphenix/"))).build()).create();
        Engines deployed = new Engines(new EnvironmentEngineFactory(client, Map.of("PRODOP_WORK",
                dir.resolve("operator-work").toString())));
        ProductionSourceReconciler operator = new ProductionSourceReconciler(client,
                new StatusRecorder(client, "prodctl-operator"), deployed, new OperatorMetrics(),
                Clock.systemUTC());
        ProductionSource source = source("elsewhere", git.url("specs.git"), SpecsWorkspace.BRANCH, "prodop-git");
        int requestsBefore = git.requests();

        Condition ready = reconcile(operator, source);

        assertThat(ready.status()).isEqualTo("False");
        assertThat(ready.reason()).isEqualTo("CredentialsRefused");
        assertThat(ready.message()).contains("is for https://git.example.org/sphenix/, not for " + git.url("specs.git"))
                .doesNotContain("ghp_secret");
        assertThat(git.requests()).as("the server was never asked").isEqualTo(requestsBefore);
        deployed.close();
    }

    @Test
    void aTokenInTheSourceUrlIsRedactedInEveryStatusField() throws Exception {
        String withToken = git.url("specs.git").replace("http://", "http://prodbot:ghp_secret@");
        ProductionSource source = source("with-token", withToken, "no-such-branch", null);

        Condition ready = reconcile(source);

        assertThat(ready.status()).isEqualTo("False");
        assertThat(ready.reason()).isEqualTo("FetchFailed");
        assertThat(ready.message()).contains("http://***@127.0.0.1").doesNotContain("ghp_secret");
        assertThat(status(source).lastFetchError()).contains("http://***@127.0.0.1").doesNotContain("ghp_secret");
    }

    private static Condition reconcile(ProductionSource source) {
        return reconcile(reconciler, source);
    }

    /** What the operator does: reconcile the resource as it is, and on an exception the error status update. */
    private static Condition reconcile(ProductionSourceReconciler with, ProductionSource source) {
        ProductionSource current = onServer(source).get();
        try {
            with.reconcile(current, null);
        } catch (Exception e) {
            with.updateErrorStatus(current, null, e);
        }
        return Conditions.find(status(source).conditions(), Conditions.READY);
    }

    /** The status the reconciler wrote on the resource. */
    private static ProductionSourceStatus status(ProductionSource source) {
        return onServer(source).get().getStatus();
    }

    private static Resource<ProductionSource> onServer(ProductionSource source) {
        return client.resources(ProductionSource.class).inNamespace(MockCluster.NAMESPACE)
                .withName(source.getMetadata().getName());
    }

    /** A source on the API server, as people create it. */
    private static ProductionSource source(String name, String url, String branch, String gitCredentialsSecret) {
        ProductionSource source = new ProductionSource();
        source.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(MockCluster.NAMESPACE)
                .withUid("uid-" + name).withGeneration(1L).build());
        source.setSpec(new ProductionSourceSpec(url, branch, null, "1s", gitCredentialsSecret, null,
                new ProductionSourceSpec.BatchSettings("local", null, null), false));
        return client.resource(source).create();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
