package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.k8s.Production;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;

/**
 * The {@link Production} resource of a declared production: its resolved spec and the revision it
 * came from, owned by its source. Only the source reconciler writes these.
 */
final class ProductionResources {

    static final String SOURCE_LABEL = "production.sphenix.bnl.gov/source";

    private ProductionResources() {
    }

    static Production of(gov.bnl.sphenix.production.spec.Production declared, String revision, ProductionSource source) {
        Production resource = new Production();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(declared.name());
        meta.setNamespace(source.getMetadata().getNamespace());
        meta.setLabels(Map.of(SOURCE_LABEL, source.getMetadata().getName()));
        meta.setOwnerReferences(List.of(owner(source)));
        resource.setMetadata(meta);
        resource.setSpec(spec(declared, revision, source.getMetadata().getName()));
        return resource;
    }

    static ProductionSpec spec(gov.bnl.sphenix.production.spec.Production p, String revision, String source) {
        ProductionSpec spec = new ProductionSpec();
        spec.setSource(source);
        spec.setRevision(revision);
        spec.setFile(p.file());
        spec.setSpecHash(p.specHash());
        spec.setDsttype(p.dsttype());
        spec.setDataset(p.rule().params().dataset());
        spec.setTag(p.rule().params().tag().toString());
        spec.setRuleSet(p.ruleSetFile().orElse("(inline)"));
        spec.setRule(p.rule().name());
        spec.setRuns(p.runs().toString());
        spec.setOrder(p.order().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        spec.setSegments(p.segments().spelling());
        spec.setMasks(p.masks());
        spec.setPriority(p.priority());
        spec.setMemoryMib(p.memory().rungsMib());
        spec.setMaxQueued(p.limits().maxQueued());
        spec.setMaxSubmitPerCycle(p.limits().maxSubmitPerCycle());
        spec.setSubmit(p.submit());
        spec.setHarvest(p.harvest());
        spec.setOnRemoval(p.onRemoval().action().spelling());
        spec.setGracePeriod(p.onRemoval().gracePeriod().toString());
        spec.setReruns(p.reruns().stream().map(r -> r.token() + " for runs " + r.runs()).toList());
        return spec;
    }

    /** What makes two specs the same for the purpose of an update: the spec hash and the revision. */
    static boolean sameSpec(ProductionSpec a, ProductionSpec b) {
        return a != null && b != null && a.getSpecHash().equals(b.getSpecHash()) && a.getRevision().equals(b.getRevision());
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
