package gov.bnl.sphenix.production.k8s.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Git credentials read from a Secret (keys {@code username} and {@code password}; a token works
 * as the password) each time git asks for them, so a rotated token is used from the next fetch
 * on without a restart.
 */
final class SecretCredentials extends CredentialsProvider {

    private final KubernetesClient client;
    private final String namespace;
    private final String name;

    SecretCredentials(KubernetesClient client, String namespace, String name) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        return current().supports(items);
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        return current().get(uri, items);
    }

    private UsernamePasswordCredentialsProvider current() {
        Secret secret = Secrets.read(client, namespace, name, "git credentials");
        return new UsernamePasswordCredentialsProvider(Secrets.text(secret, "username"), Secrets.text(secret, "password"));
    }
}
