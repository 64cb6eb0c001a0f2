package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Git credentials come from the Secret as it is when git asks (a rotated token needs no restart),
 * and only go to repositories under the URL prefix the Secret names.
 */
@EnableKubernetesMockClient(crud = true)
class SecretCredentialsTest {

    private static final String SPECS = "https://git.example.org/sphenix/production-specs.git";
    private static final String PREFIX = "https://git.example.org/sphenix/";

    static KubernetesClient client;

    @AfterEach
    void forgetSecret() {
        client.secrets().inNamespace("sphenix").withName("prodop-git").delete();
    }

    @Test
    void aRotatedTokenIsUsedAtTheNextFetch() throws Exception {
        client.resource(secret("prodbot", "token-1", PREFIX)).create();
        SecretCredentials credentials = SecretCredentials.forUrl(client, "sphenix", "prodop-git", SPECS);
        URIish uri = new URIish(SPECS);

        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();
        assertThat(credentials.get(uri, user, password)).isTrue();
        assertThat(user.getValue()).isEqualTo("prodbot");
        assertThat(new String(password.getValue())).isEqualTo("token-1");

        client.resource(secret("prodbot", "token-2", PREFIX)).update();
        CredentialItem.Password rotated = new CredentialItem.Password();
        credentials.get(uri, new CredentialItem.Username(), rotated);
        assertThat(new String(rotated.getValue())).isEqualTo("token-2");
        assertThat(credentials.isInteractive()).isFalse();
    }

    @Test
    void aMissingSecretIsNamedInTheError() {
        assertThatThrownBy(() -> SecretCredentials.forUrl(client, "sphenix", "no-such-secret", SPECS))
                .hasMessageContaining("no-such-secret").hasMessageContaining("sphenix");
    }

    @Test
    void aSourceOutsideTheSecretsPrefixIsRefusedBeforeAnyFetch() {
        client.resource(secret("prodbot", "token-1", PREFIX)).create();

        for (String elsewhere : new String[] {"https://git.example.org.evil.org/sphenix/production-specs.git",
                "https://git.example.org/sphenix-evil/production-specs.git", "http://git.example.org/sphenix/specs.git",
                "https://git.example.org:8443/sphenix/specs.git", "https://git.example.org/sphenix/../other/specs.git",
                "https://prodbot:stolen@evil.org/sphenix/specs.git"}) {
            assertThatThrownBy(() -> SecretCredentials.forUrl(client, "sphenix", "prodop-git", elsewhere))
                    .as(elsewhere).isInstanceOf(SecretCredentials.Refused.class)
                    .hasMessageContaining("is for https://git.example.org/sphenix/, not for")
                    .hasMessageNotContaining("stolen").hasMessageNotContaining("token-1");
        }
    }

    @Test
    void aSecretWithoutAPrefixIsRefusedWithWhatToAdd() {
        client.resource(secret("prodbot", "token-1", null)).create();

        assertThatThrownBy(() -> SecretCredentials.forUrl(client, "sphenix", "prodop-git", SPECS))
                .isInstanceOf(SecretCredentials.Refused.class).hasMessageContaining("no key 'urlPrefix'");
    }

    @Test
    void aServerAskingUnderAnotherUrlGetsNoCredentials() throws Exception {
        client.resource(secret("prodbot", "token-1", PREFIX)).create();
        SecretCredentials credentials = SecretCredentials.forUrl(client, "sphenix", "prodop-git", SPECS);

        CredentialItem.Password password = new CredentialItem.Password();
        assertThat(credentials.get(new URIish("https://evil.org/sphenix/production-specs.git"),
                new CredentialItem.Username(), password)).isFalse();
        assertThat(password.getValue()).isNull();
    }

    private static Secret secret(String user, String token, String urlPrefix) {
        Map<String, String> data = new HashMap<>(Map.of("username", b64(user), "password", b64(token)));
        if (urlPrefix != null) {
            data.put("urlPrefix", b64(urlPrefix));
        }
        return new SecretBuilder().withNewMetadata().withName("prodop-git").withNamespace("sphenix").endMetadata()
                .withData(data).build();
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
