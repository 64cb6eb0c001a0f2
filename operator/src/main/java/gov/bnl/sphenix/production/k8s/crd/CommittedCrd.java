package gov.bnl.sphenix.production.k8s.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The text of a CRD as it is committed under {@code crds/}: the generated CRD with its printer
 * columns in order, under a header that says where it comes from and how to refresh it.
 */
public final class CommittedCrd {

    private CommittedCrd() {
    }

    /** The committed file name of a generated CRD: the generator's, so the two are easy to match. */
    public static String fileName(String crdName) {
        return crdName + "-v1.yml";
    }

    public static String render(String generatedYaml, PrinterColumnOrder order, String refreshCommand) {
        CustomResourceDefinition crd = Serialization.unmarshal(generatedYaml, CustomResourceDefinition.class);
        String yaml = Serialization.asYaml(order.apply(crd));
        if (yaml.startsWith("---\n")) {
            yaml = yaml.substring(4);
        }
        return "# Generated from the model classes by the build; do not edit by hand.\n"
                + "# Refresh after changing the model: " + refreshCommand + "\n"
                + yaml;
    }
}
