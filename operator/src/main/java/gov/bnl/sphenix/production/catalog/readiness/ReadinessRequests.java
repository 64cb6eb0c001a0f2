package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.JobContract;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RuleInput;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a production and the product catalogue into the request readiness runs. */
public final class ReadinessRequests {

    private ReadinessRequests() {
    }

    public static ReadinessRequest forProduction(Production production, ProductCatalogue catalogue) {
        String dsttype = production.dsttype();
        Product product = catalogue.product(dsttype).orElseThrow(() -> new IllegalArgumentException(
                "production " + production.name() + " makes " + dsttype + ", which the product catalogue does not know"));
        RuleInput input = production.rule().input();
        String physicsmode = production.rule().params().physicsmode();
        RunCuts cuts = new RunCuts(physicsmode, input.minRunEvents(), Duration.ofSeconds(input.minRunTimeSeconds()));
        boolean anyLeaf = product.anyLeafSuffices(physicsmode);
        if (product.isRaw()) {
            return new RawRequest(dsttype, production.runs(), production.order(), cuts, SegmentWindow.forRaw(production.segments()),
                    product.perLeaf(), unmasked(product.leaves(), catalogue.maskedLeaves(dsttype, production.masks())),
                    unmasked(product.requiredHosts(), Set.copyOf(production.masks())),
                    anyLeaf, combines(production, product));
        }
        List<DerivedRequest.Upstream> upstream = new ArrayList<>();
        for (Product.Input in : product.inputs()) {
            Product parent = catalogue.product(in.dsttype()).orElseThrow(() -> new IllegalArgumentException(
                    dsttype + " reads " + in.dsttype() + ", which the product catalogue does not know"));
            List<String> leaves = unmasked(parent.leaves(), catalogue.maskedLeaves(in.dsttype(), production.masks()));
            upstream.add(new DerivedRequest.Upstream(in.dsttype(), parent.perLeaf(), leaves, in.allLeaves()));
        }
        return new DerivedRequest(dsttype, production.runs(), production.order(), cuts,
                SegmentWindow.of(production.segments(), input.cutSegment()),
                production.rule().params().dataset(),
                input.intriplet().orElseThrow(() -> new IllegalArgumentException(
                        "production " + production.name() + " makes derived " + dsttype + " but its rule has no intriplet")),
                upstream, anyLeaf);
    }

    /** The readiness request with what explaining its runs needs: the leaves before masks. */
    public static ReasonRequest withReasons(Production production, ProductCatalogue catalogue) {
        ReadinessRequest request = forProduction(production, catalogue);
        Product product = catalogue.product(production.dsttype()).orElseThrow();
        if (product.isRaw()) {
            return new ReasonRequest(request, product.leaves());
        }
        Set<String> leaves = new LinkedHashSet<>();
        for (Product.Input in : product.inputs()) {
            catalogue.product(in.dsttype()).ifPresent(parent -> leaves.addAll(parent.leaves()));
        }
        return new ReasonRequest(request, List.copyOf(leaves));
    }

    /**
     * Today's combiner scripts read every sequence file of their (run, host) in one job and roll
     * their output over into segments; the operator's own contract makes a job per sequence file.
     */
    public static boolean combines(Production production, Product product) {
        return product.isRaw() && product.perLeaf() && production.rule().job().contract() == JobContract.SPHENIXPROD;
    }

    private static List<String> unmasked(List<String> names, Set<String> masked) {
        return names.stream().filter(name -> !masked.contains(name)).toList();
    }
}
