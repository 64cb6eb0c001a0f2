package gov.bnl.sphenix.production.k8s;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** One specs repository the operator follows: where it is, how often to fetch, which catalogs and batch system. */
@Group(ProductionSource.GROUP)
@Version(ProductionSource.VERSION)
@Kind("ProductionSource")
@Singular("productionsource")
@Plural("productionsources")
@ShortNames("psrc")
@AdditionalPrinterColumn(name = "URL", jsonPath = ".spec.url", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "BRANCH", jsonPath = ".spec.branch", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "REVISION", jsonPath = ".status.appliedRevision", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ProductionSource extends CustomResource<ProductionSourceSpec, ProductionSourceStatus> implements Namespaced {

    public static final String GROUP = "production.sphenix.bnl.gov";
    public static final String VERSION = "v1alpha1";

    /**
     * The annotation that confirms a commit the removal guard holds back: its id, or its first 7 or
     * more characters. It names the commit, so one left in place never lets a later commit through.
     */
    public static final String ALLOW_REMOVAL = GROUP + "/allow-removal";
}
