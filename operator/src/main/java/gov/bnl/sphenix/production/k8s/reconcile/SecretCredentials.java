package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.source.GitUrls;
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
 *
 * <p>The Secret also says where its token may go (key {@code urlPrefix}, e.g.
 * {@code https://github.com/sphenix-collaboration/}): a source whose URL is not under that prefix
 * is refused before anything is fetched, and a server asking under another URL (a redirect) gets
 * no credentials. Otherwise anyone who may write a ProductionSource could send the token anywhere.
 */
final class SecretCredentials extends CredentialsProvider {

    static final String URL_PREFIX = "urlPrefix";

    private final KubernetesClient client;
    private final String namespace;
    private final String name;

    private SecretCredentials(KubernetesClient client, String namespace, String name) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
    }

    /** The Secret's credentials for {@code url}; refused when the Secret is not meant for that URL. */
    static SecretCredentials forUrl(KubernetesClient client, String namespace, String name, String url) {
        SecretCredentials credentials = new SecretCredentials(client, namespace, name);
        Secret secret = credentials.secret();
        if (!secret.getData().containsKey(URL_PREFIX)) {
            throw new Refused("git credentials Secret " + name + " has no key '" + URL_PREFIX + "' saying which"
                    + " repositories its token is for; add it (e.g. https://github.com/sphenix-collaboration/)");
        }
        String prefix = Secrets.text(secret, URL_PREFIX).strip();
        if (!GitUrls.covers(prefix, url)) {
            throw new Refused("git credentials Secret " + name + " is for " + GitUrls.redact(prefix) + ", not for "
                    + GitUrls.redact(url) + "; nothing was fetched (point the source at a repository under that prefix,"
                    + " or name a Secret meant for it)");
        }
        return credentials;
    }

    /** A source asked for credentials that are not meant for its repository. */
    static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        return current(secret()).supports(items);
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        Secret secret = secret();
        if (!secret.getData().containsKey(URL_PREFIX)
                || !GitUrls.covers(Secrets.text(secret, URL_PREFIX).strip(), uri.toString())) {
            return false;
        }
        return current(secret).get(uri, items);
    }

    private Secret secret() {
        return Secrets.read(client, namespace, name, "git credentials");
    }

    private static UsernamePasswordCredentialsProvider current(Secret secret) {
        return new UsernamePasswordCredentialsProvider(Secrets.text(secret, "username"), Secrets.text(secret, "password"));
    }
}
