package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The build generates the CRDs from the model classes; these are the parts people rely on. */
class GeneratedCrdTest {

    private static CustomResourceDefinition crd(String plural) throws IOException {
        try (InputStream in = GeneratedCrdTest.class.getResourceAsStream(
                "/META-INF/fabric8/" + plural + ".production.sphenix.bnl.gov-v1.yml")) {
            assertThat(in).as("generated CRD for " + plural).isNotNull();
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
        }
    }

    @Test
    void productionsHaveShortNamesAndTheColumnsAShiftPersonReads() throws IOException {
        CustomResourceDefinition crd = crd("productions");
        assertThat(crd.getSpec().getGroup()).isEqualTo("production.sphenix.bnl.gov");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("prod");
        assertThat(crd.getSpec().getVersions().get(0).getName()).isEqualTo("v1alpha1");
        assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
                .extracting(CustomResourceColumnDefinition::getName)
                .containsExactlyInAnyOrder("STATE", "DSTTYPE", "DATASET", "TAG", "QUEUED", "RUNNING", "HELD", "DONE", "FAILED",
                        "WAITING", "READY", "AGE");
        assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull();
    }

    @Test
    void sourcesShowUrlBranchAndRevision() throws IOException {
        CustomResourceDefinition crd = crd("productionsources");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("psrc");
        assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
                .extracting(CustomResourceColumnDefinition::getName)
                .containsExactlyInAnyOrder("URL", "BRANCH", "REVISION", "READY", "AGE");
    }
}
