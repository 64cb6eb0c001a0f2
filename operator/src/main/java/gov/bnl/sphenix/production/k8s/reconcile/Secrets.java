package gov.bnl.sphenix.production.k8s.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reading the Secrets a ProductionSource names, with errors that say which Secret and which key. */
final class Secrets {

    private Secrets() {
    }

    /** @param what what the Secret is for, for the message: "git credentials", "catalog" */
    static Secret read(KubernetesClient client, String namespace, String name, String what) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null || secret.getData() == null) {
            throw new IllegalStateException(what + " Secret " + name + " not found in namespace " + namespace);
        }
        return secret;
    }

    static byte[] bytes(Secret secret, String key) {
        String value = secret.getData().get(key);
        if (value == null) {
            throw new IllegalStateException("Secret " + secret.getMetadata().getName() + " has no key '" + key + "'");
        }
        return Base64.getDecoder().decode(value);
    }

    static String text(Secret secret, String key) {
        return new String(bytes(secret, key), StandardCharsets.UTF_8);
    }
}
