package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSpec;
import gov.bnl.sphenix.production.spec.Production;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;

/**
 * The {@link ProductionResource} resource of a declared production: its resolved spec and the revision it
 * came from, owned by its source. Only the source reconciler writes these.
 */
final class ProductionResources {

    static final String SOURCE_LABEL = "production.sphenix.bnl.gov/source";

    private ProductionResources() {
    }

    static ProductionResource of(Production declared, String revision, ProductionSource source) {
        ProductionResource resource = new ProductionResource();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(declared.name());
        meta.setNamespace(source.getMetadata().getNamespace());
        meta.setLabels(Map.of(SOURCE_LABEL, source.getMetadata().getName()));
        meta.setOwnerReferences(List.of(owner(source)));
        resource.setMetadata(meta);
        resource.setSpec(spec(declared, revision, source.getMetadata().getName()));
        return resource;
    }

    static ProductionSpec spec(Production p, String revision, String source) {
        return new ProductionSpec(source, revision, p.file(), p.specHash(), p.dsttype(), p.rule().params().dataset(),
                p.rule().params().tag().toString(), p.ruleSetFile().orElse("(inline)"), p.rule().name(),
                p.runs().toString(), p.order().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                p.segments().spelling(), p.masks(), p.priority(), p.memory().rungsMib(), p.limits().maxQueued(),
                p.limits().maxSubmitPerCycle(), p.submit(), p.harvest(), p.onRemoval().action().spelling(),
                p.onRemoval().gracePeriod().toString(),
                p.reruns().stream().map(r -> r.token() + " for runs " + r.runs()).toList());
    }

    /** What makes two specs the same for the purpose of an update: the spec hash and the revision. */
    static boolean sameSpec(ProductionSpec a, ProductionSpec b) {
        return a != null && b != null && a.specHash().equals(b.specHash()) && a.revision().equals(b.revision());
    }

    private static OwnerReference owner(ProductionSource source) {
        return new OwnerReferenceBuilder()
                .withApiVersion(source.getApiVersion())
                .withKind(source.getKind())
                .withName(source.getMetadata().getName())
                .withUid(source.getMetadata().getUid())
                .withController(true)
                // not blocking: that would need update on productionsources/finalizers, which the operator does not otherwise use
                .withBlockOwnerDeletion(false)
                .build();
    }
}
