package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Readiness of a product made from raw DAQ files.
 *
 * @param perLeaf       the product makes one job per leaf (even if masks left none)
 * @param leaves        the product's leaves left after masks ({@code ebdc07_1}, {@code intt3}); one job each
 * @param requiredHosts streams that must be on disk but get no job ({@code gl1daq}); masks already applied
 * @param anyLeaf       the runtype relaxes "every leaf on disk" to "this leaf on disk" (cosmics)
 * @param combining     one job per (run, leaf), keyed at segment 0, reads every file of the leaf in
 *                      the window, as today's combiner scripts do; else one job per sequence file
 */
public record RawRequest(String dsttype, RunSet runs, RunOrder order, RunCuts cuts, SegmentWindow segments,
                         boolean perLeaf, List<String> leaves, List<String> requiredHosts, boolean anyLeaf,
                         boolean combining) implements ReadinessRequest {

    public RawRequest {
        Objects.requireNonNull(dsttype, "dsttype");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(cuts, "cuts");
        Objects.requireNonNull(segments, "segments");
        leaves = List.copyOf(leaves);
        requiredHosts = List.copyOf(requiredHosts);
        if (!perLeaf && !leaves.isEmpty()) {
            throw new IllegalArgumentException(dsttype + " has no leaves, yet leaves were given: " + leaves);
        }
        if (combining && !perLeaf) {
            throw new IllegalArgumentException(dsttype + " has no leaves: a combiner job is one per (run, leaf)");
        }
    }

    /** One job per sequence file. */
    public RawRequest(String dsttype, RunSet runs, RunOrder order, RunCuts cuts, SegmentWindow segments,
                      boolean perLeaf, List<String> leaves, List<String> requiredHosts, boolean anyLeaf) {
        this(dsttype, runs, order, cuts, segments, perLeaf, leaves, requiredHosts, anyLeaf, false);
    }

    /** Every daqhost the query must fetch: the leaves and the required hosts. */
    public List<String> streams() {
        Set<String> all = new LinkedHashSet<>(leaves);
        all.addAll(requiredHosts);
        return List.copyOf(all);
    }

    @Override
    public Set<String> hostsOfInterest() {
        Set<String> hosts = new LinkedHashSet<>();
        leaves.forEach(leaf -> hosts.add(ProductCatalogue.hostOf(leaf)));
        return hosts;
    }

    @Override
    public RawRequest withRuns(RunSet newRuns) {
        return new RawRequest(dsttype, newRuns, order, cuts, segments, perLeaf, leaves, requiredHosts, anyLeaf, combining);
    }
}
