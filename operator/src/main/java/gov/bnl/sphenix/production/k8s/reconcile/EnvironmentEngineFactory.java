package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.batch.BatchSystems;
import gov.bnl.sphenix.production.batch.ScheddAssignment;
import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.batch.condor.LocalPool;
import gov.bnl.sphenix.production.catalog.connect.CatalogSettings;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.control.EngineSettings;
import gov.bnl.sphenix.production.control.OperatingLimits;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSourceSpec;
import gov.bnl.sphenix.production.source.SshIdentity;
import gov.bnl.sphenix.production.spec.names.Layout;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
                path("PRODOP_HIST_ROOT", data.resolve("hist").toString()))
                .withRuleRoots(Layout.rootsFrom(environment.get(Layout.FILESYSTEM_ROOTS))),
                path("PRODOP_STAGING_ROOT", data.resolve("staging").toString()),
                path("PRODOP_PAYLOADS", work.resolve("payloads").toString()),
                environment.getOrDefault("PRODOP_STORAGE", "lustre"), limits(source), 500,
                10_000).withPayloadRoot(path("PRODOP_PAYLOAD_ROOT", data.resolve("payloads").toString()));
        String name = source.getMetadata().getNamespace() + "-" + source.getMetadata().getName();
        boolean overSsh = isSsh(source.getSpec().url());
        // checked before anything opens: a token is never offered to a repository it is not for
        Optional<CredentialsProvider> credentials = overSsh ? Optional.empty() : credentials(source);
        List<CondorSettings> schedds = condorSchedds(source);
        ScheddAssignment assignment = assignment(source);
        return EngineAssembly.open(source.getSpec().url(), source.getSpec().branch(),
                source.getSpec().path(), Optional.of(sourceName(source)),
                work.resolve("git-cache").resolve(name), credentials,
                overSsh ? Optional.of(sshIdentity(source, work.resolve("ssh").resolve(name))) : Optional.empty(),
                CatalogSettings.fromEnvironment(catalogEnvironment(source)),
                () -> BatchSystems.open(source.getSpec().batch().system(), schedds, assignment), settings);
    }

    /**
     * The operating limits of the source's engine: the operator's ({@code PRODOP_LIMITS}, from the
     * Helm values' {@code limits}), then the source's own {@code spec.limits} over them.
     */
    PlannerSettings limits(ProductionSource source) {
        PlannerSettings operators = OperatingLimits.apply(PlannerSettings.DEFAULTS,
                OperatingLimits.parseList(environment.getOrDefault("PRODOP_LIMITS", ""), "PRODOP_LIMITS"),
                "PRODOP_LIMITS");
        return OperatingLimits.apply(operators, source.getSpec().limits(), "spec.limits of ProductionSource "
                + sourceName(source));
    }

    /** What the source is called in the ledger: its namespace and name, which stay when its URL changes. */
    static String sourceName(ProductionSource source) {
        return source.getMetadata().getNamespace() + "/" + source.getMetadata().getName();
    }

    /**
     * The HTCondor settings the source's {@code batch} asks for: its command prefix (words separated
     * by spaces; none: the operator's {@code CONDOR_COMMAND_PREFIX}), its schedd and its pool.
     */
    static CondorSettings condorSettings(ProductionSource source) {
        ProductionSourceSpec.BatchSettings batch = source.getSpec().batch();
        return withPool(BatchSystems.condorSettings(commandPrefix(batch), Optional.ofNullable(batch.scheddName())),
                batch.pool());
    }

    /**
     * The settings of each schedd the source's {@code batch} names: its {@code schedds}, each with
     * its own pool or the source's, or the one schedd of {@code scheddName} (or the tools' default).
     */
    static List<CondorSettings> condorSchedds(ProductionSource source) {
        ProductionSourceSpec.BatchSettings batch = source.getSpec().batch();
        if (batch.schedds().isEmpty()) {
            return List.of(condorSettings(source));
        }
        if (batch.scheddName() != null && !batch.scheddName().isBlank()) {
            throw new IllegalArgumentException("batch.scheddName '" + batch.scheddName() + "' and batch.schedds are both"
                    + " set; list every schedd under batch.schedds and leave out batch.scheddName");
        }
        return batch.schedds().stream().map(schedd -> withPool(BatchSystems.condorSettings(commandPrefix(batch),
                Optional.of(schedd.name())), schedd.pool() == null ? batch.pool() : schedd.pool())).toList();
    }

    /** The productions the source's {@code batch.schedds} assign to one schedd each. */
    static ScheddAssignment assignment(ProductionSource source) {
        List<String> words = new ArrayList<>();
        source.getSpec().batch().schedds().forEach(schedd -> schedd.productions()
                .forEach(production -> words.add(production + "=" + schedd.name())));
        return ScheddAssignment.parse(words);
    }

    private static List<String> commandPrefix(ProductionSourceSpec.BatchSettings batch) {
        String prefix = batch.commandPrefix() == null ? "" : batch.commandPrefix().strip();
        return prefix.isEmpty() ? LocalPool.commandPrefix() : List.of(prefix.split("\\s+"));
    }

    private static CondorSettings withPool(CondorSettings settings, String pool) {
        return pool == null || pool.isBlank() ? settings : settings.withPool(pool.strip());
    }

    private Optional<CredentialsProvider> credentials(ProductionSource source) {
        String secretName = source.getSpec().gitCredentialsSecret();
        if (secretName == null || secretName.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(SecretCredentials.forUrl(client, source.getMetadata().getNamespace(), secretName,
                source.getSpec().url()));
    }

    /**
     * The catalog connections: the operator's environment (the chart maps the catalog Secrets into
     * it), overridden by the source's own {@code catalogSecret} when it names one — keys
     * {@code url}, {@code user}, {@code password} for one database holding every catalog, or any
     * {@code PRODOP_*} variable by name (e.g. {@code PRODOP_FILECATALOG_URL}).
     */
    Map<String, String> catalogEnvironment(ProductionSource source) {
        String secretName = source.getSpec().catalogSecret();
        if (secretName == null || secretName.isBlank()) {
            return environment;
        }
        Secret secret = Secrets.read(client, source.getMetadata().getNamespace(), secretName, "catalog");
        Map<String, String> merged = new HashMap<>(environment);
        Map<String, String> shared = Map.of("url", "PRODOP_CATALOG_URL", "user", "PRODOP_CATALOG_USER",
                "password", "PRODOP_CATALOG_PASSWORD");
        for (String key : secret.getData().keySet()) {
            String variable = shared.getOrDefault(key, key.startsWith("PRODOP_") ? key : null);
            if (variable != null) {
                merged.put(variable, Secrets.text(secret, key));
            }
        }
        return merged;
    }

    /** {@code ssh://host/path} or scp-like {@code user@host:path}. */
    static boolean isSsh(String url) {
        return url.startsWith("ssh://") || url.matches("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.*");
    }

    /**
     * The key and known hosts from the source's git Secret (keys {@code ssh-privatekey}, as in a
     * {@code kubernetes.io/ssh-auth} Secret, and {@code known_hosts}), written where only this
     * process may read them. Read when the engine opens: a rotated key needs the source edited or
     * the operator restarted.
     */
    private SshIdentity sshIdentity(ProductionSource source, Path directory) throws IOException {
        String secretName = source.getSpec().gitCredentialsSecret();
        if (secretName == null || secretName.isBlank()) {
            throw new IllegalStateException("source " + source.getMetadata().getName() + " fetches over ssh but names no"
                    + " gitCredentialsSecret holding ssh-privatekey and known_hosts");
        }
        Secret secret = Secrets.read(client, source.getMetadata().getNamespace(), secretName, "git credentials");
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Path key = privateFile(directory.resolve("id_specs"), secret, "ssh-privatekey");
        Path knownHosts = privateFile(directory.resolve("known_hosts"), secret, "known_hosts");
        return new SshIdentity(key, knownHosts);
    }

    private static Path privateFile(Path file, Secret secret, String key) throws IOException {
        Files.write(file, Secrets.bytes(secret, key));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Path path(String variable, String otherwise) {
        return Path.of(environment.getOrDefault(variable, otherwise)).toAbsolutePath();
    }
}
