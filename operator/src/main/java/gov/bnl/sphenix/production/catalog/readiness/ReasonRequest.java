package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What explaining a production's runs needs beyond readiness: the leaves before masks, so a run
 * whose every participating host is masked can be told apart from one no host of the product took part in.
 *
 * @param readiness the request readiness runs for the production (leaves after masks)
 * @param leaves    the product's leaves before masks (raw), or those of its per-leaf upstream products (derived)
 */
public record ReasonRequest(ReadinessRequest readiness, List<String> leaves) {

    public ReasonRequest {
        Objects.requireNonNull(readiness, "readiness");
        leaves = List.copyOf(leaves);
    }

    /** The leaves readiness counts: after masks. */
    List<String> unmaskedLeaves() {
        if (readiness instanceof RawRequest raw) {
            return raw.leaves();
        }
        Set<String> leaves = new LinkedHashSet<>();
        ((DerivedRequest) readiness).inputs().forEach(input -> leaves.addAll(input.leaves()));
        return List.copyOf(leaves);
    }

    /** Every host whose presence in a run says something: those of the leaves before masks. */
    Set<String> hosts() {
        Set<String> hosts = new LinkedHashSet<>(readiness.hostsOfInterest());
        leaves.forEach(leaf -> hosts.add(ProductCatalogue.hostOf(leaf)));
        return hosts;
    }
}
