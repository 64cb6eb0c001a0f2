package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.control.Engine;
import gov.bnl.sphenix.production.control.EngineAssembly;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One engine per {@link ProductionSource}, opened when the source is first reconciled and reopened
 * when where it points changes (URL, branch, path, batch system, schedd or command prefix, git Secret). The production reconciler finds its
 * production's engine here by the source named in the production's spec.
 */
public final class Engines implements AutoCloseable {

    private record Open(String settings, EngineAssembly assembly) {
    }

    private final EngineFactory factory;
    private final Map<String, Open> bySource = new HashMap<>();

    public Engines(EngineFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The source's engine, opened (or reopened after a change of where it points) as needed. */
    public synchronized Engine forSource(ProductionSource source) throws Exception {
        String key = key(source.getMetadata().getNamespace(), source.getMetadata().getName());
        String settings = source.getSpec().url() + "|" + source.getSpec().branch() + "|"
                + source.getSpec().path() + "|" + source.getSpec().batch().system() + "|"
                + source.getSpec().batch().commandPrefix() + "|" + source.getSpec().batch().scheddName() + "|"
                + source.getSpec().batch().pool() + "|" + source.getSpec().batch().schedds() + "|"
                + source.getSpec().gitCredentialsSecret();
        Open open = bySource.get(key);
        if (open != null && !open.settings().equals(settings)) {
            open.assembly().close();
            open = null;
        }
        if (open == null) {
            open = new Open(settings, factory.open(source));
            bySource.put(key, open);
        }
        return open.assembly().engine();
    }

    /** The engine of a source already reconciled, if any. */
    public synchronized Optional<Engine> find(String namespace, String source) {
        return Optional.ofNullable(bySource.get(key(namespace, source))).map(o -> o.assembly().engine());
    }

    /** The source is gone: its engine closes (its productions' jobs are the finalizers' business). */
    public synchronized void forget(String namespace, String source) {
        Open open = bySource.remove(key(namespace, source));
        if (open != null) {
            open.assembly().close();
        }
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    @Override
    public synchronized void close() {
        bySource.values().forEach(o -> o.assembly().close());
        bySource.clear();
    }
}
