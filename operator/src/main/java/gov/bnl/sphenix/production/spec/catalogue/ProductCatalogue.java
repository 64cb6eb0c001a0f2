package gov.bnl.sphenix.production.spec.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which inputs each product needs — the chains of sPHENIX production as data, not code
 * (streaming → cluster → seed → tracks; triggered → calofitting → calo → jets).
 *
 * @param products  dsttype to product, in file order
 * @param detectors detector names usable in masks ({@code TPC}, {@code INTT}) to the host prefix
 *                  they stand for ({@code ebdc}, {@code intt}): mask {@code TPC17} means host {@code ebdc17}
 */
public record ProductCatalogue(Map<String, Product> products, Map<String, String> detectors) {

    public ProductCatalogue {
        products = Collections.unmodifiableMap(new LinkedHashMap<>(products));
        detectors = Collections.unmodifiableMap(new LinkedHashMap<>(detectors));
    }

    public Optional<Product> product(String dsttype) {
        return Optional.ofNullable(products.get(dsttype));
    }

    public Set<String> dsttypes() {
        return products.keySet();
    }

    /**
     * The host of a leaf: {@code ebdc07_1} is server 1 of host {@code ebdc07}; {@code intt3} is
     * host {@code intt3}.
     */
    public static String hostOf(String leaf) {
        int underscore = leaf.indexOf('_');
        return underscore < 0 ? leaf : leaf.substring(0, underscore);
    }

    /**
     * Leaves of a product left out by masks. A mask names a leaf ({@code ebdc07_1}), a host
     * ({@code ebdc07}, both servers) or a detector element ({@code TPC7} or {@code TPC07} → host
     * {@code ebdc07}; {@code TPOT} → its host when the detector maps to one host).
     */
    public Set<String> maskedLeaves(String dsttype, List<String> masks) {
        Product product = products.get(dsttype);
        if (product == null) {
            return Set.of();
        }
        Set<String> masked = new LinkedHashSet<>();
        for (String mask : masks) {
            masked.addAll(leavesMatching(product.leaves(), mask));
        }
        return masked;
    }

    /** Every leaf of every raw product, and every required host: what a mask may name. */
    public Set<String> allLeavesAndHosts() {
        Set<String> all = new LinkedHashSet<>();
        for (Product p : products.values()) {
            for (String leaf : p.leaves()) {
                all.add(leaf);
                all.add(hostOf(leaf));
            }
            all.addAll(p.requiredHosts());
        }
        return all;
    }

    /** True when the mask matches at least one leaf or required host of any product. */
    public boolean maskIsKnown(String mask) {
        for (Product p : products.values()) {
            List<String> candidates = new ArrayList<>(p.leaves());
            candidates.addAll(p.requiredHosts());
            if (!leavesMatching(candidates, mask).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private List<String> leavesMatching(List<String> leaves, String mask) {
        List<String> hosts = hostsNamedBy(mask);
        return leaves.stream()
                .filter(leaf -> leaf.equals(mask) || hosts.contains(hostOf(leaf)))
                .toList();
    }

    private List<String> hostsNamedBy(String mask) {
        List<String> hosts = new ArrayList<>();
        hosts.add(mask);
        for (Map.Entry<String, String> d : detectors.entrySet()) {
            String detector = d.getKey();
            String prefix = d.getValue();
            if (mask.equalsIgnoreCase(detector)) {
                // A detector without a number names its hosts only when it maps to a single host (TPOT → ebdc39).
                hosts.add(prefix);
            } else if (mask.regionMatches(true, 0, detector, 0, detector.length())
                    // nine digits at most: a longer number names no host, and would not fit an int
                    && mask.substring(detector.length()).matches("[0-9]{1,9}")) {
                int number = Integer.parseInt(mask.substring(detector.length()));
                hosts.add(prefix + number);
                hosts.add(prefix + String.format("%02d", number));
            }
        }
        return hosts;
    }

    /** Products in an order where every product comes after its inputs; throws on a cycle. */
    public List<String> topologicalOrder() {
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String dsttype : products.keySet()) {
            visit(dsttype, done, visiting, order);
        }
        return order;
    }

    private void visit(String dsttype, Set<String> done, Set<String> visiting, List<String> order) {
        if (done.contains(dsttype)) {
            return;
        }
        if (!visiting.add(dsttype)) {
            throw new IllegalStateException("products form a cycle through " + dsttype);
        }
        Product p = products.get(dsttype);
        if (p != null) {
            for (Product.Input input : p.inputs()) {
                visit(input.dsttype(), done, visiting, order);
            }
        }
        visiting.remove(dsttype);
        done.add(dsttype);
        order.add(dsttype);
    }
}
