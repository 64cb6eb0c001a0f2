package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSourceSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A source may name its own catalog Secret; it overrides the operator's environment. */
@EnableKubernetesMockClient(crud = true)
class CatalogSecretTest {

    static KubernetesClient client;

    @Test
    void theSourcesSecretOverridesTheEnvironmentKeyByKey() {
        client.resource(new SecretBuilder().withNewMetadata().withName("cosmics-catalogs").withNamespace("sphenix")
                .endMetadata().withData(Map.of("url", b64("jdbc:postgresql://db/cosmics"), "user", b64("prod"),
                        "password", b64("s3cret"), "PRODOP_FILECATALOG_URL", b64("jdbc:postgresql://fc/files"),
                        "unrelated", b64("ignored"))).build()).create();
        EnvironmentEngineFactory factory = new EnvironmentEngineFactory(client, Map.of(
                "PRODOP_CATALOG_URL", "jdbc:postgresql://db/physics", "PRODOP_POOL_SIZE", "4"));

        Map<String, String> env = factory.catalogEnvironment(source("cosmics-catalogs"));

        assertThat(env).containsEntry("PRODOP_CATALOG_URL", "jdbc:postgresql://db/cosmics")
                .containsEntry("PRODOP_CATALOG_USER", "prod").containsEntry("PRODOP_CATALOG_PASSWORD", "s3cret")
                .containsEntry("PRODOP_FILECATALOG_URL", "jdbc:postgresql://fc/files")
                .containsEntry("PRODOP_POOL_SIZE", "4").doesNotContainKey("unrelated");
        assertThat(factory.catalogEnvironment(source(null))).containsEntry("PRODOP_CATALOG_URL",
                "jdbc:postgresql://db/physics");
        assertThatThrownBy(() -> factory.catalogEnvironment(source("missing"))).hasMessageContaining("missing");
    }

    private static ProductionSource source(String catalogSecret) {
        ProductionSource source = new ProductionSource();
        source.setMetadata(new ObjectMetaBuilder().withName("specs").withNamespace("sphenix").build());
        source.setSpec(new ProductionSourceSpec("https://git.example.org/specs.git", null, null, null, null, catalogSecret,
                null, false));
        return source;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
