package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Readiness of a product made from other products' outputs in the FileCatalog, one job per
 * (run, segment).
 *
 * @param dataset     the dataset of the upstream outputs (the production's own)
 * @param upstreamTag the tag of the upstream outputs (the rule's {@code intriplet})
 * @param inputs      what each job needs, with the upstream leaves left after masks
 * @param anyLeaf     the runtype relaxes "every leaf" to "any leaf" for every input (cosmics)
 */
public record DerivedRequest(String dsttype, RunSet runs, RunOrder order, RunCuts cuts, SegmentWindow segments,
                             String dataset, Tag upstreamTag, List<Upstream> inputs, boolean anyLeaf)
        implements ReadinessRequest {

    /**
     * One upstream product. A per-leaf product's outputs carry the leaf in their dsttype column
     * ({@code DST_STREAMING_EVENT_ebdc07_1}); {@code leaves} are those left after masks.
     */
    public record Upstream(String dsttype, boolean perLeaf, List<String> leaves, boolean allLeaves) {

        public Upstream {
            Objects.requireNonNull(dsttype, "dsttype");
            leaves = List.copyOf(leaves);
            if (!perLeaf && !leaves.isEmpty()) {
                throw new IllegalArgumentException(dsttype + " has no leaves, yet leaves were given: " + leaves);
            }
        }

        /** The FileCatalog dsttype of this upstream product's output for a leaf. */
        public String productOf(String leaf) {
            return dsttype + "_" + leaf;
        }
    }

    public DerivedRequest {
        Objects.requireNonNull(dsttype, "dsttype");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(cuts, "cuts");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(upstreamTag, "upstreamTag");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(dsttype + " is derived but names no inputs");
        }
    }

    /** Every FileCatalog dsttype the query must fetch. */
    public List<String> upstreamProducts() {
        Set<String> products = new LinkedHashSet<>();
        for (Upstream input : inputs) {
            if (input.perLeaf()) {
                input.leaves().forEach(leaf -> products.add(input.productOf(leaf)));
            } else {
                products.add(input.dsttype());
            }
        }
        return List.copyOf(products);
    }

    @Override
    public Set<String> hostsOfInterest() {
        Set<String> hosts = new LinkedHashSet<>();
        for (Upstream input : inputs) {
            input.leaves().forEach(leaf -> hosts.add(ProductCatalogue.hostOf(leaf)));
        }
        return hosts;
    }

    @Override
    public DerivedRequest withRuns(RunSet newRuns) {
        return new DerivedRequest(dsttype, newRuns, order, cuts, segments, dataset, upstreamTag, inputs, anyLeaf);
    }
}
