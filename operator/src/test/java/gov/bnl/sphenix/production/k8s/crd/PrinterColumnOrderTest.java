package gov.bnl.sphenix.production.k8s.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterColumnOrderTest {

    private static CustomResourceDefinition crdWithColumns(String... names) {
        CustomResourceDefinitionBuilder builder = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("things.example.org").endMetadata();
        var version = builder.withNewSpec().withGroup("example.org").addNewVersion().withName("v1");
        for (String name : names) {
            version.addNewAdditionalPrinterColumn().withName(name).withJsonPath(".spec." + name.toLowerCase())
                    .withType("string").endAdditionalPrinterColumn();
        }
        return version.endVersion().endSpec().build();
    }

    private static List<String> columns(CustomResourceDefinition crd) {
        return crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
                .map(CustomResourceColumnDefinition::getName).toList();
    }

    @Test
    void restoresTheDeclaredOrderAndKeepsTheColumnDefinitions() {
        CustomResourceDefinition sorted = crdWithColumns("AGE", "BRANCH", "READY", "URL");
        CustomResourceDefinition ordered = new PrinterColumnOrder(List.of("URL", "BRANCH", "READY", "AGE")).apply(sorted);
        assertThat(columns(ordered)).containsExactly("URL", "BRANCH", "READY", "AGE");
        assertThat(ordered.getSpec().getVersions().get(0).getAdditionalPrinterColumns().get(0).getJsonPath())
                .isEqualTo(".spec.url");
        assertThat(columns(sorted)).as("the input is left as it was").containsExactly("AGE", "BRANCH", "READY", "URL");
    }

    @Test
    void ageGoesLastWhereverItWasDeclared() {
        PrinterColumnOrder order = new PrinterColumnOrder(List.of("AGE", "URL", "READY"));
        assertThat(order.names()).containsExactly("URL", "READY", "AGE");
        assertThat(columns(order.apply(crdWithColumns("READY", "URL", "AGE")))).containsExactly("URL", "READY", "AGE");
    }

    @Test
    void aColumnWithoutAPlaceFailsInsteadOfLandingAnywhere() {
        PrinterColumnOrder order = new PrinterColumnOrder(List.of("URL", "AGE"));
        assertThatThrownBy(() -> order.apply(crdWithColumns("URL", "NEW", "AGE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("things.example.org")
                .hasMessageContaining("[NEW]");
        assertThatThrownBy(() -> new PrinterColumnOrder(List.of("URL", "MISSING", "AGE"))
                .apply(crdWithColumns("URL", "AGE")))
                .hasMessageContaining("lacks [MISSING]");
    }

    @Test
    void aColumnNamedTwiceIsRejected() {
        assertThatThrownBy(() -> new PrinterColumnOrder(List.of("URL", "URL")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
