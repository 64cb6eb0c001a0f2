package gov.bnl.sphenix.production.k8s.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts the printer columns of a CRD in the order a shift person reads them. The CRD generator
 * sorts them alphabetically, and {@code kubectl get} shows columns in the CRD's order, so the
 * order is restored here. {@code AGE} always goes last, as in every built-in resource.
 */
public final class PrinterColumnOrder {

    static final String AGE = "AGE";

    private final List<String> names;

    /** @param names every column of the CRD, in the order to show them */
    public PrinterColumnOrder(List<String> names) {
        List<String> ordered = new ArrayList<>(names);
        if (ordered.remove(AGE)) {
            ordered.add(AGE);
        }
        if (Set.copyOf(ordered).size() != ordered.size()) {
            throw new IllegalArgumentException("a column is named twice: " + names);
        }
        this.names = List.copyOf(ordered);
    }

    public List<String> names() {
        return names;
    }

    /** A copy of the CRD with the columns of every version in this order; the input is untouched. */
    public CustomResourceDefinition apply(CustomResourceDefinition crd) {
        CustomResourceDefinition copy = new CustomResourceDefinitionBuilder(crd).build();
        for (CustomResourceDefinitionVersion version : copy.getSpec().getVersions()) {
            version.setAdditionalPrinterColumns(ordered(crd.getMetadata().getName(),
                    version.getAdditionalPrinterColumns()));
        }
        return copy;
    }

    private List<CustomResourceColumnDefinition> ordered(String crdName, List<CustomResourceColumnDefinition> columns) {
        Map<String, CustomResourceColumnDefinition> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.getName(), c));
        // a column added to the model but not to the order (or the reverse) must fail the build,
        // not land silently at the end of kubectl's table
        if (!byName.keySet().equals(Set.copyOf(names))) {
            Set<String> unordered = new TreeSet<>(byName.keySet());
            unordered.removeAll(names);
            Set<String> missing = new TreeSet<>(names);
            missing.removeAll(byName.keySet());
            throw new IllegalArgumentException(crdName + ": columns without a place in the order " + unordered
                    + ", ordered columns the CRD lacks " + missing);
        }
        return names.stream().map(byName::get).toList();
    }
}
