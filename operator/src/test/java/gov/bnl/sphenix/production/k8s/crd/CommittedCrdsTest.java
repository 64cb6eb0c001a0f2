package gov.bnl.sphenix.production.k8s.crd;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.RepositoryFiles;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code crds/} and the chart's copy in step with what the build generates. With
 * {@code -Dcrds.update=true} it writes them instead of failing, which is how they are refreshed.
 */
class CommittedCrdsTest {

    static final String REFRESH = "mvn -B -pl operator -am test -Dtest=CommittedCrdsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dcrds.update=true";

    private static final boolean UPDATE = Boolean.getBoolean("crds.update");

    static Stream<Arguments> committedCopies() {
        Path root = RepositoryFiles.root();
        return Stream.of(root.resolve("crds"), root.resolve("charts/sphenix-production-operator/crds"))
                .flatMap(dir -> Stream.of(
                        Arguments.of(ProductionResource.class, dir, List.of("STATE", "DSTTYPE", "DATASET", "TAG", "QUEUED", "RUNNING",
                                "HELD", "DONE", "FAILED", "WAITING", "READY", "AGE")),
                        Arguments.of(ProductionSource.class, dir, List.of("URL", "BRANCH", "REVISION", "READY", "AGE"))));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("committedCopies")
    void committedCrdIsWhatTheBuildGenerates(Class<? extends CustomResource<?, ?>> type, Path dir,
                                            List<String> columnsShown) throws IOException {
        String crdName = CustomResource.getCRDName(type);
        String expected = CommittedCrd.render(generated(crdName), declaredOrder(type), REFRESH);
        Path committed = dir.resolve(CommittedCrd.fileName(crdName));
        if (UPDATE) {
            Files.createDirectories(dir);
            Files.writeString(committed, expected);
        }
        assertThat(committed).as("%s is missing; create it (from the repository root) with: %s", committed, REFRESH).exists();
        assertThat(Files.readString(committed))
                .as("%s is stale against the model classes; refresh it (from the repository root) with: %s", committed, REFRESH)
                .isEqualTo(expected);

        CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(committed),
                CustomResourceDefinition.class);
        assertThat(crd.getMetadata().getName()).isEqualTo(crdName);
        assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
                .extracting(CustomResourceColumnDefinition::getName)
                .containsExactlyElementsOf(columnsShown);
    }

    /** The order of the {@code @AdditionalPrinterColumn} annotations on the model class is the order shown. */
    private static PrinterColumnOrder declaredOrder(Class<?> type) {
        return new PrinterColumnOrder(Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name).toList());
    }

    private static String generated(String crdName) throws IOException {
        try (InputStream in = CommittedCrdsTest.class.getResourceAsStream(
                "/META-INF/fabric8/" + CommittedCrd.fileName(crdName))) {
            assertThat(in).as("generated CRD " + crdName + " (the build's process-classes phase writes it)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
