package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.batch.condor.CondorSettings;
import gov.bnl.sphenix.production.k8s.ProductionSource;
import gov.bnl.sphenix.production.k8s.ProductionSourceSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a ProductionSource's {@code batch} says reaches the HTCondor adapter's settings (no pool needed). */
class BatchSettingsFromSourceTest {

    @Test
    void theSourcesScheddAndCommandPrefixReachTheCondorSettings() {
        ProductionSource source = source("/opt/condor/bin/on-submit-host --login sphnxpro", "sphnxprod@schedd01.sdcc.bnl.gov");

        CondorSettings settings = EnvironmentEngineFactory.condorSettings(source);

        assertThat(settings.commandPrefix()).containsExactly("/opt/condor/bin/on-submit-host", "--login", "sphnxpro");
        assertThat(settings.scheddName()).contains("sphnxprod@schedd01.sdcc.bnl.gov");
    }

    @Test
    void withoutAScheddTheToolsKeepTheirDefault() {
        CondorSettings settings = EnvironmentEngineFactory.condorSettings(source("in-pool", null));

        assertThat(settings.commandPrefix()).containsExactly("in-pool");
        assertThat(settings.scheddName()).isEmpty();
    }

    @Test
    void aScheddNameAShellCouldReadAsMoreIsRefused() {
        assertThatThrownBy(() -> EnvironmentEngineFactory.condorSettings(source("ssh submit01", "x; rm -rf ~")))
                .hasMessageContaining("the schedd name 'x; rm -rf ~' is not a schedd name");
    }

    @Test
    void severalScheddsEachWithItsPoolAndTheProductionsAssignedToThem() {
        ProductionSource source = source(new ProductionSourceSpec.BatchSettings("condor", "in-pool", null,
                "sphnxcm.sdcc.bnl.gov", List.of(new ProductionSourceSpec.Schedd("sphnxsub01.sdcc.bnl.gov", null, null),
                new ProductionSourceSpec.Schedd("second@sphnxsub02.sdcc.bnl.gov", "othercm.sdcc.bnl.gov:9618",
                        List.of("run3auau-streaming")))));

        List<CondorSettings> schedds = EnvironmentEngineFactory.condorSchedds(source);

        assertThat(schedds).extracting(s -> s.scheddName().orElseThrow())
                .containsExactly("sphnxsub01.sdcc.bnl.gov", "second@sphnxsub02.sdcc.bnl.gov");
        assertThat(schedds).extracting(s -> s.pool().orElseThrow())
                .containsExactly("sphnxcm.sdcc.bnl.gov", "othercm.sdcc.bnl.gov:9618");
        assertThat(EnvironmentEngineFactory.assignment(source).scheddOf("run3auau-streaming"))
                .contains("second@sphnxsub02.sdcc.bnl.gov");
        assertThat(EnvironmentEngineFactory.assignment(source).scheddOf("run3auau-calo")).isEmpty();
    }

    @Test
    void aScheddNameBesideAListOfScheddsIsRefusedWithTheFix() {
        ProductionSource source = source(new ProductionSourceSpec.BatchSettings("condor", null, "sphnxsub01.sdcc.bnl.gov",
                null, List.of(new ProductionSourceSpec.Schedd("second@sphnxsub02.sdcc.bnl.gov", null, null))));

        assertThatThrownBy(() -> EnvironmentEngineFactory.condorSchedds(source))
                .hasMessageContaining("batch.scheddName 'sphnxsub01.sdcc.bnl.gov' and batch.schedds are both set")
                .hasMessageContaining("list every schedd under batch.schedds");
    }

    @Test
    void theSourceIsCalledByItsNamespaceAndNameInTheLedger() {
        assertThat(EnvironmentEngineFactory.sourceName(source("", null))).isEqualTo("sphenix/production-specs");
    }

    private static ProductionSource source(String commandPrefix, String scheddName) {
        return source(new ProductionSourceSpec.BatchSettings(null, commandPrefix, scheddName));
    }

    private static ProductionSource source(ProductionSourceSpec.BatchSettings batch) {
        ProductionSource source = new ProductionSource();
        source.setMetadata(new ObjectMetaBuilder().withName("production-specs").withNamespace("sphenix").build());
        source.setSpec(new ProductionSourceSpec("https://git.example.org/sphenix/production-specs.git", null, null, null,
                null, null, batch, false));
        return source;
    }
}
