package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSourceSpec;
import gov.bnl.sphenix.production.plan.PlannerSettings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operating limits of a source's engine: the operator's (Helm values), then the source's own over them. */
class LimitsFromSourceTest {

    @Test
    void theSourcesLimitsGoOverTheOperatorsWhichGoOverTheDefaults() {
        EnvironmentEngineFactory factory = new EnvironmentEngineFactory(null,
                Map.of("PRODOP_LIMITS", "queueBudget=20000,maxRunTime=4d"));

        PlannerSettings s = factory.limits(source(Map.of("maxRunTime", "6d", "maxReleases", "1")));

        assertThat(s.globalQueueBudget()).isEqualTo(20_000);
        assertThat(s.maxRunTime()).isEqualTo(Duration.ofDays(6));
        assertThat(s.maxReleases()).isEqualTo(1);
        assertThat(s.harvestGrace()).isEqualTo(PlannerSettings.DEFAULTS.harvestGrace());
    }

    @Test
    void aWordThatIsNoLimitStopsTheSourceWithWhereItWasWritten() {
        EnvironmentEngineFactory factory = new EnvironmentEngineFactory(null, Map.of());

        assertThatThrownBy(() -> factory.limits(source(Map.of("queuebudget", "10"))))
                .hasMessageStartingWith("spec.limits of ProductionSource sphenix/production-specs: 'queuebudget' is not"
                        + " an operating limit");
    }

    private static ProductionSource source(Map<String, String> limits) {
        ProductionSource source = new ProductionSource();
        source.setMetadata(new ObjectMetaBuilder().withName("production-specs").withNamespace("sphenix").build());
        source.setSpec(new ProductionSourceSpec("https://git.example.org/sphenix/production-specs.git", null, null, null,
                null, null, null, false, null, null, limits));
        return source;
    }
}
