package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.batch.BatchSystems;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.spec.names.Layout;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Opens engines the way the deployed operator does: catalogs from the {@code PRODOP_*} environment
 * the chart fills from the catalog Secrets, file trees from {@code PRODOP_*_ROOT}, the batch system
 * the source names, and git credentials from the Secret the source names, read at each fetch.
 */
public final class EnvironmentEngineFactory implements EngineFactory {

    private final KubernetesClient client;
    private final Map<String, String> environment;

    public EnvironmentEngineFactory(KubernetesClient client, Map<String, String> environment) {
        this.client = client;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public EngineAssembly open(ProductionSource source) throws Exception {
        Path work = path("PRODOP_WORK", "/var/lib/prodop");
        Path data = work.resolve("data");
        EngineSettings settings = new EngineSettings(new Layout(path("PRODOP_DST_ROOT", data.resolve("dst").toString()),
                path("PRODOP_LOG_ROOT", data.resolve("log").toString()),
                path("PRODOP_HIST_ROOT", data.resolve("hist").toString())),
                path("PRODOP_STAGING_ROOT", data.resolve("staging").toString()),
                path("PRODOP_PAYLOADS", work.resolve("payloads").toString()),
                environment.getOrDefault("PRODOP_STORAGE", "lustre"), EngineSettings.under(data, work).planner(), 500,
                10_000);
        String name = source.getMetadata().getNamespace() + "-" + source.getMetadata().getName();
        return EngineAssembly.open(source.getSpec().getUrl(), source.getSpec().getBranch(),
                work.resolve("git-cache").resolve(name), credentials(source), CatalogSettings.fromEnvironment(environment),
                () -> BatchSystems.open(source.getSpec().getBatch().getSystem()), settings);
    }

    private Optional<CredentialsProvider> credentials(ProductionSource source) {
        String secretName = source.getSpec().getGitCredentialsSecret();
        if (secretName == null || secretName.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SecretCredentials(client, source.getMetadata().getNamespace(), secretName));
    }

    private Path path(String variable, String otherwise) {
        return Path.of(environment.getOrDefault(variable, otherwise)).toAbsolutePath();
    }
}
