package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.Rule;
import gov.bnl.sphenix.production.spec.RuleSet;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.spec.yaml.DidYouMean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that need more than one file: unique names, products the catalogue knows, masks that
 * name real hosts, no two productions writing the same outputs, and chains whose upstream exists.
 */
final class CrossFileChecks {

    private final Diagnostics out;
    private final LoadGuard guard;

    CrossFileChecks(Diagnostics out, LoadGuard guard) {
        this.out = out;
        this.guard = guard;
    }

    void check(List<ProductionParser.Parsed> productions, ProductCatalogue catalogue) {
        String across = "checking productions against each other";
        SourceLocation first = productions.isEmpty() ? SourceLocation.ofFile(".") : productions.get(0).nameAt();
        guard.check(first, across, () -> uniqueNames(productions));
        Set<String> maskable = new LinkedHashSet<>(catalogue.allLeavesAndHosts());
        maskable.addAll(catalogue.detectors().keySet());
        for (ProductionParser.Parsed parsed : productions) {
            guard.check(parsed.nameAt(), "checking this production against the catalogue", () -> {
                knownProduct(parsed, catalogue);
                knownMasks(parsed, catalogue, maskable);
                inputTag(parsed, catalogue);
            });
        }
        guard.check(first, across, () -> disjointNamespaces(productions));
        guard.check(first, across, () -> upstreamProduced(productions, catalogue));
    }

    /** Rule sets are read whole, including rules no production activates yet: flag unknown products early. */
    void checkRuleSets(Map<String, RuleSet> ruleSets, ProductCatalogue catalogue) {
        for (RuleSet ruleSet : ruleSets.values()) {
            for (Rule rule : ruleSet.rules().values()) {
                String dsttype = rule.params().dsttype();
                if (catalogue.product(dsttype).isEmpty()) {
                    out.warning(rule.at(), "rule '" + rule.name() + "' makes " + dsttype
                                    + ", which the product catalogue does not declare",
                            hintProduct(dsttype, catalogue) + "; a production using this rule will be refused");
                }
            }
        }
    }

    private void uniqueNames(List<ProductionParser.Parsed> productions) {
        Map<String, ProductionParser.Parsed> seen = new HashMap<>();
        for (ProductionParser.Parsed parsed : productions) {
            ProductionParser.Parsed first = seen.putIfAbsent(parsed.production().name(), parsed);
            if (first != null) {
                // Reported in both files: the reviewer of either one must see the clash.
                for (ProductionParser.Parsed[] pair : List.of(new ProductionParser.Parsed[] {parsed, first},
                        new ProductionParser.Parsed[] {first, parsed})) {
                    out.error(pair[0].nameAt(), "production name '" + parsed.production().name()
                            + "' is also used by " + pair[1].production().file(), "give each production its own metadata.name");
                }
            }
        }
    }

    private void knownProduct(ProductionParser.Parsed parsed, ProductCatalogue catalogue) {
        String dsttype = parsed.production().dsttype();
        if (catalogue.product(dsttype).isEmpty()) {
            out.error(parsed.ruleAt(), "the rule makes " + dsttype + ", which the product catalogue does not declare",
                    hintProduct(dsttype, catalogue) + " (the catalogue says which inputs each product needs)");
        }
    }

    private static String hintProduct(String dsttype, ProductCatalogue catalogue) {
        return DidYouMean.nearest(dsttype, catalogue.dsttypes()).map(s -> "did you mean " + s + "?")
                .orElse("declare it in catalogue.yaml");
    }

    /** @param names what masks may name, for suggestions */
    private void knownMasks(ProductionParser.Parsed parsed, ProductCatalogue catalogue, Set<String> names) {
        for (String mask : parsed.production().masks()) {
            if (!catalogue.maskIsKnown(mask)) {
                out.error(parsed.masksAt(), "mask '" + mask + "' names no detector, host or leaf of the catalogue",
                        DidYouMean.nearest(mask, names).map(s -> "did you mean '" + s + "'?")
                                .orElse("use a detector element such as TPC17 or INTT3, or a host such as ebdc17"));
            }
        }
    }

    private void inputTag(ProductionParser.Parsed parsed, ProductCatalogue catalogue) {
        Production p = parsed.production();
        catalogue.product(p.dsttype()).ifPresent(product -> {
            if (!product.isRaw() && p.rule().input().intriplet().isEmpty()) {
                out.error(parsed.ruleAt(), p.dsttype() + " is made from " + inputNames(product)
                                + " but the rule does not say which tag of them to read",
                        "add 'intriplet: <build>_<dbtag>_v<NNN>' under the rule's input");
            }
            if (product.isRaw() && p.rule().input().intriplet().isPresent()) {
                out.warning(parsed.ruleAt(), p.dsttype() + " is made from raw files; input.intriplet is ignored",
                        "remove 'intriplet' from the rule's input");
            }
        });
    }

    private static String inputNames(Product product) {
        return String.join(" and ", product.inputs().stream().map(Product.Input::dsttype).toList());
    }

    private void disjointNamespaces(List<ProductionParser.Parsed> productions) {
        Map<OutputNamespace, List<ProductionParser.Parsed>> byNamespace = new HashMap<>();
        for (ProductionParser.Parsed parsed : productions) {
            byNamespace.computeIfAbsent(parsed.production().namespace(), k -> new ArrayList<>()).add(parsed);
        }
        for (List<ProductionParser.Parsed> sharing : byNamespace.values()) {
            for (int i = 0; i < sharing.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Production a = sharing.get(j).production();
                    Production b = sharing.get(i).production();
                    if (a.runs().overlaps(b.runs())) {
                        String message = "productions '" + b.name() + "' (" + b.file() + ") and '" + a.name() + "' ("
                                + a.file() + ") both write " + a.namespace() + " for runs " + a.runs().intersect(b.runs());
                        String fix = "give one of them a new version in its rule (a new tag), or make their runs disjoint";
                        out.error(sharing.get(i).runsAt(), message, fix);
                        out.error(sharing.get(j).runsAt(), message, fix);
                    }
                }
            }
        }
    }

    private void upstreamProduced(List<ProductionParser.Parsed> productions, ProductCatalogue catalogue) {
        for (ProductionParser.Parsed parsed : productions) {
            Production p = parsed.production();
            Product product = catalogue.product(p.dsttype()).orElse(null);
            if (product == null || product.isRaw() || p.rule().input().intriplet().isEmpty()) {
                continue;
            }
            for (Product.Input input : product.inputs()) {
                OutputNamespace upstream = new OutputNamespace(input.dsttype(), p.rule().params().dataset(),
                        p.rule().input().intriplet().get());
                boolean made = productions.stream().anyMatch(other -> other.production().namespace().equals(upstream));
                if (!made) {
                    out.warning(parsed.ruleAt(), "no production makes " + upstream + ", an input of '" + p.name() + "'",
                            "add a production for it, or check input.intriplet; until its files exist in the catalog"
                                    + " this production submits nothing");
                }
            }
        }
    }
}
