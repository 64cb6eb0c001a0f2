package gov.bnl.sphenix.production;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package table of docs/architecture.md is the law: every class of the operator depends only
 * on its own package, the packages its row names and the libraries its row names; the top-level
 * packages form no cycle; and the planner stays pure. The test reads the table, so changing the
 * layering means changing the document.
 */
class LayerTest {

    /**
     * Rows whose package has no classes yet. {@code job} (the identity and state of a job) is being
     * written at the same time as this test; an empty package would otherwise fail its rule. Remove
     * it from here once the package has classes.
     */
    private static final Set<String> NOT_YET_WRITTEN = Set.of("job");

    private static JavaClasses operator;
    private static LayerTable table;

    @BeforeAll
    static void importTheOperator() throws IOException {
        operator = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(LayerTable.BASE);
        table = LayerTable.read(RepositoryFiles.root().resolve("docs/architecture.md"));
    }

    @TestFactory
    Stream<DynamicTest> eachPackageDependsOnlyOnWhatItsRowNames() {
        return table.layers().stream().map(layer -> DynamicTest.dynamicTest(layer.name(), () -> {
            List<String> allowed = table.allowedPackages(layer);
            ArchRule rule = classes().that(belongTo(layer))
                    .should().onlyDependOnClassesThat(resideInAnyOf(allowed))
                    .allowEmptyShould(NOT_YET_WRITTEN.contains(layer.name()));
            rule.check(operator);
        }));
    }

    @Test
    void everyClassBelongsToARowOfTheTable() {
        List<String> outside = operator.stream().map(JavaClass::getPackageName).distinct()
                .filter(p -> table.layerOf(p).isEmpty()).sorted().toList();

        assertThat(outside).as("packages missing from the table of docs/architecture.md").isEmpty();
    }

    @Test
    void theTopLevelPackagesFormNoCycle() {
        slices().matching(LayerTable.BASE + ".(*)..").should().beFreeOfCycles().check(operator);
    }

    @Test
    void thePlannerDoesNoInputOrOutput() {
        noClasses().that().resideInAPackage(LayerTable.BASE + ".plan..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.sql..",
                        "javax.sql..", "java.net..")
                .check(operator);
    }

    @Test
    void thePlannerReadsNoClock() {
        noClasses().that().resideInAPackage(LayerTable.BASE + ".plan..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(nowOfJavaTime())
                .orShould().dependOnClassesThat().belongToAnyOf(Clock.class, InstantSource.class)
                .check(operator);
    }

    private static DescribedPredicate<JavaClass> belongTo(LayerTable.Layer layer) {
        return DescribedPredicate.describe("belong to " + layer.name(),
                c -> table.layerOf(c.getPackageName()).filter(layer::equals).isPresent());
    }

    /** Arrays count as their element type; primitives are part of the language. */
    private static DescribedPredicate<JavaClass> resideInAnyOf(List<String> packages) {
        return DescribedPredicate.describe("reside in one of " + packages, c -> {
            JavaClass type = c.isArray() ? c.getBaseComponentType() : c;
            return type.isPrimitive() || packages.stream().anyMatch(p -> LayerTable.within(type.getPackageName(), p));
        });
    }

    /** {@code Instant.now()}, {@code LocalDate.now()} and every other way java.time reads the clock. */
    private static DescribedPredicate<JavaMethodCall> nowOfJavaTime() {
        return DescribedPredicate.describe("now() of java.time",
                call -> call.getName().equals("now") && call.getTargetOwner().getPackageName().equals("java.time"));
    }
}
