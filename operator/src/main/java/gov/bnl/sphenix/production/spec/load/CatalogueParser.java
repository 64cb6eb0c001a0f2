package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import gov.bnl.sphenix.production.spec.yaml.DidYouMean;
import gov.bnl.sphenix.production.spec.yaml.MapReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the product catalogue ({@code catalogue.yaml}): for each dsttype, whether it is made from
 * raw DAQ files (with its leaves and the hosts it needs) or from other products.
 */
final class CatalogueParser {

    static final String KIND = "ProductCatalogue";
    static final Set<String> TOP_KEYS = Set.of("apiVersion", "kind", "detectors", "products");
    static final Set<String> PRODUCT_KEYS = Set.of("from", "leaves", "requiredHosts", "inputs", "anyLeafModes",
            "description");
    static final Set<String> INPUT_KEYS = Set.of("dsttype", "leaves");

    private final Diagnostics out;

    CatalogueParser(Diagnostics out) {
        this.out = out;
    }

    Optional<ProductCatalogue> parse(String file, Node document) {
        Optional<MapReader> top = MapReader.of(file, "", document, out);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        MapReader t = top.get();
        int errorsBefore = out.errorCount();
        t.rejectUnknownKeys(TOP_KEYS, Set.of());
        t.requireKeys("apiVersion", "kind", "products");
        t.text("apiVersion").filter(v -> !v.equals(ProductionParser.API_VERSION)).ifPresent(v ->
                out.error(t.valueLocation("apiVersion"), "apiVersion '" + v + "' is not supported",
                        "write 'apiVersion: " + ProductionParser.API_VERSION + "'"));
        t.text("kind").filter(v -> !v.equals(KIND)).ifPresent(v ->
                out.error(t.valueLocation("kind"), "kind '" + v + "' is not a product catalogue", "write 'kind: " + KIND + "'"));
        Map<String, String> detectors = new LinkedHashMap<>();
        t.map("detectors").ifPresent(d -> {
            for (String name : d.keys()) {
                d.text(name).ifPresent(prefix -> detectors.put(name, prefix));
            }
        });
        Map<String, Product> products = new LinkedHashMap<>();
        BraceExpansion braces = new BraceExpansion(out);
        t.map("products").ifPresent(p -> {
            for (String dsttype : p.keys()) {
                p.map(dsttype).flatMap(m -> product(dsttype, m, braces)).ifPresent(product -> products.put(dsttype, product));
            }
            checkInputsKnown(p, products);
        });
        if (out.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        ProductCatalogue catalogue = new ProductCatalogue(products, detectors);
        try {
            catalogue.topologicalOrder();
        } catch (IllegalStateException cycle) {
            out.error(t.valueLocation("products"), "the product catalogue has a cycle: " + cycle.getMessage(),
                    "a product cannot (indirectly) be its own input; remove one of the inputs on the cycle");
            return Optional.empty();
        }
        return Optional.of(catalogue);
    }

    private Optional<Product> product(String dsttype, MapReader m, BraceExpansion braces) {
        m.rejectUnknownKeys(PRODUCT_KEYS, Set.of());
        boolean raw = m.text("from").map(from -> {
            if (!from.equals("raw")) {
                out.error(m.valueLocation("from"), "from '" + from + "' is not a source",
                        "write 'from: raw' for products made from DAQ files, or list 'inputs' for derived products");
            }
            return true;
        }).orElse(false);
        List<String> leaves = expandAll(m, "leaves", braces);
        List<String> requiredHosts = expandAll(m, "requiredHosts", braces);
        Set<String> anyLeafModes = new LinkedHashSet<>(m.textList("anyLeafModes"));
        List<Product.Input> inputs = new ArrayList<>();
        m.list("inputs").ifPresent(items -> {
            for (Node item : items) {
                input(m, item).ifPresent(inputs::add);
            }
        });
        if (raw && !inputs.isEmpty()) {
            out.error(m.keyLocation("inputs"), dsttype + " is 'from: raw' and also has inputs",
                    "a product is made either from raw files or from other products; remove one");
            return Optional.empty();
        }
        if (!raw && inputs.isEmpty()) {
            out.error(m.location(), dsttype + " has neither 'from: raw' nor 'inputs'",
                    "say where it comes from: 'from: raw' with 'leaves', or 'inputs: [DST_...]'");
            return Optional.empty();
        }
        if (raw && leaves.isEmpty()) {
            out.error(m.location(), dsttype + " is made from raw files but lists no 'leaves'",
                    "list the hosts it makes outputs for, e.g. leaves: [\"seb{00..20}\"]");
            return Optional.empty();
        }
        return Optional.of(new Product(dsttype, raw ? Product.Source.RAW : Product.Source.DERIVED, leaves,
                requiredHosts, inputs, anyLeafModes));
    }

    private Optional<Product.Input> input(MapReader owner, Node item) {
        if (item instanceof ScalarNode s) {
            return Optional.of(new Product.Input(s.getValue(), true));
        }
        return MapReader.of(owner.file(), owner.child("inputs"), item, out).flatMap(i -> {
            i.rejectUnknownKeys(INPUT_KEYS, Set.of());
            i.requireKeys("dsttype");
            Optional<String> dsttype = i.text("dsttype");
            String leaves = i.text("leaves").orElse("all");
            if (!leaves.equals("all") && !leaves.equals("any")) {
                out.error(i.valueLocation("leaves"), "leaves '" + leaves + "' must be 'all' or 'any'",
                        "'all': every leaf of the input must be present; 'any': one is enough");
                return Optional.empty();
            }
            return dsttype.map(d -> new Product.Input(d, leaves.equals("all")));
        });
    }

    private List<String> expandAll(MapReader m, String key, BraceExpansion braces) {
        Set<String> names = new LinkedHashSet<>();
        for (String pattern : m.textList(key)) {
            for (String name : braces.expand(pattern, m.valueLocation(key))) {
                if (!name.matches("[a-z0-9]+(_[a-z0-9]+)?")) {
                    out.error(m.valueLocation(key), "'" + name + "' is not a host or leaf name",
                            "use lower-case host names with an optional '_<server>', like ebdc07_1 or gl1daq");
                } else if (!names.add(name)) {
                    out.error(m.valueLocation(key), "'" + name + "' is listed twice in " + m.child(key),
                            "list each leaf once");
                }
            }
        }
        return new ArrayList<>(names);
    }

    private void checkInputsKnown(MapReader p, Map<String, Product> products) {
        for (Product product : products.values()) {
            for (Product.Input input : product.inputs()) {
                if (!products.containsKey(input.dsttype())) {
                    out.error(p.map(product.dsttype()).map(m -> m.valueLocation("inputs")).orElse(p.location()),
                            product.dsttype() + " needs " + input.dsttype()
                                    + ", which the catalogue does not declare",
                            DidYouMean.nearest(input.dsttype(), products.keySet()).map(s -> "did you mean '" + s + "'?")
                                    .orElse("declare " + input.dsttype() + " under 'products'"));
                }
            }
        }
    }
}
