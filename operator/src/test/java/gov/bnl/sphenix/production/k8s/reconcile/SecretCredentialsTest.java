package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** Git credentials come from the Secret as it is when git asks: a rotated token needs no restart. */
@EnableKubernetesMockClient(crud = true)
class SecretCredentialsTest {

    static KubernetesClient client;

    @Test
    void aRotatedTokenIsUsedAtTheNextFetch() throws Exception {
        client.resource(secret("prodbot", "token-1")).create();
        SecretCredentials credentials = new SecretCredentials(client, "sphenix", "prodop-git");
        URIish uri = new URIish("https://git.example.org/sphenix/production-specs.git");

        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();
        assertThat(credentials.get(uri, user, password)).isTrue();
        assertThat(user.getValue()).isEqualTo("prodbot");
        assertThat(new String(password.getValue())).isEqualTo("token-1");

        client.resource(secret("prodbot", "token-2")).update();
        CredentialItem.Password rotated = new CredentialItem.Password();
        credentials.get(uri, new CredentialItem.Username(), rotated);
        assertThat(new String(rotated.getValue())).isEqualTo("token-2");
        assertThat(credentials.isInteractive()).isFalse();
    }

    @Test
    void aMissingSecretIsNamedInTheError() {
        SecretCredentials credentials = new SecretCredentials(client, "sphenix", "no-such-secret");

        assertThatThrownBy(() -> credentials.get(new URIish("https://git.example.org/x.git"), new CredentialItem.Username()))
                .hasMessageContaining("no-such-secret").hasMessageContaining("sphenix");
    }

    private static Secret secret(String user, String token) {
        return new SecretBuilder().withNewMetadata().withName("prodop-git").withNamespace("sphenix").endMetadata()
                .withStringData(Map.of("username", user, "password", token))
                .withData(Map.of("username", b64(user), "password", b64(token))).build();
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
