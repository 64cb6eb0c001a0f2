package gov.bnl.sphenix.production.k8s;

import gov.bnl.sphenix.production.RepositoryFiles;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What tests on the mock API server share: the committed CRDs installed, productions to create. */
public final class MockCluster {

    public static final String NAMESPACE = "sphenix";

    private MockCluster() {
    }

    /** Installs the CRDs from crds/, the files people apply, not the classes they came from. */
    public static void installCrds(KubernetesClient client) {
        try (Stream<Path> files = Files.list(RepositoryFiles.root().resolve("crds"))) {
            files.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(f ->
                    client.apiextensions().v1().customResourceDefinitions().load(f.toFile()).create());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProductionResource production(String name, String dsttype) {
        ProductionResource production = new ProductionResource();
        production.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        production.setSpec(spec(dsttype, "new_nocdbtag_v001"));
        return production;
    }

    /** A production spec that says only what it makes. */
    public static ProductionSpec spec(String dsttype, String tag) {
        return new ProductionSpec(null, null, null, null, dsttype, "run3auau", tag, null, null, null, null, null, null, 0,
                null, 0, 0, false, false, null, null, null);
    }

    /** A source following {@code url}'s main branch every second, its jobs run by the local executor. */
    public static ProductionSource localSource(String name, String url) {
        ProductionSource source = new ProductionSource();
        source.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        source.setSpec(new ProductionSourceSpec(url, "main", null, "1s", null, null,
                new ProductionSourceSpec.BatchSettings("local", null, null), false));
        return source;
    }
}
