package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.readiness.WaitReason;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.k8s.MockCluster;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.ProductionStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a pass tells of a production's runs, on its resource: the runs it waits for, counted by
 * reason under the names scripts read, and the events of its finished runs against the DAQ; each
 * with the line {@code kubectl describe} shows, written to and read back from the mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class WaitingOnResourceTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    static KubernetesClient client;

    @BeforeAll
    static void crds() {
        MockCluster.installCrds(client);
    }

    @Test
    void theCountsByReasonAndTheirOneLineAreOnTheResource() {
        ProductionResource created = client.resource(MockCluster.production("waits", "DST_CALO")).create();
        WaitingCounts waiting = new WaitingCounts(Map.of(WaitReason.NOT_TRANSFERRED, 7L, WaitReason.BELOW_CUTS, 3L,
                WaitReason.UPSTREAM_MISSING, 2L, WaitReason.READY, 40L));

        new StatusRecorder(client, "prodctl-operator").production(created,
                before -> StatusOnResource.of(standing(waiting), before, 1, T0));

        ProductionStatus status = client.resources(ProductionResource.class).inNamespace(MockCluster.NAMESPACE)
                .withName("waits").get().getStatus();
        assertThat(status.waiting()).containsExactly(Map.entry("belowRunCuts", 3L), Map.entry("notTransferred", 7L),
                Map.entry("upstreamNotDone", 2L));
        assertThat(status.waitingSummary())
                .isEqualTo("waiting: 12 runs (3 below the run cuts, 7 not transferred, 2 upstream not done)");
        assertThat(status.waitingRuns()).as("the WAITING column of kubectl get").isEqualTo(12);
        assertThat(status.state()).as("the STATE column").isNotBlank();
    }

    @Test
    void aProductionWithNothingWaitingSaysSo() {
        ProductionStatus status = StatusOnResource.of(standing(WaitingCounts.NONE), ProductionStatus.NONE, 1, T0);

        assertThat(status.waiting()).isEmpty();
        assertThat(status.waitingSummary()).isEqualTo("waiting: no run");
        assertThat(status.waitingRuns()).isZero();
    }

    @Test
    void theComparisonAndItsOneLineAreOnTheResource() {
        ProductionResource created = client.resource(MockCluster.production("weighed", "DST_CALO")).create();
        DaqComparison daq = new DaqComparison(120, 2_985_000, 3_000_000, 3, List.of(66052, 66060, 66071));

        new StatusRecorder(client, "prodctl-operator").production(created,
                before -> StatusOnResource.of(standing(daq), before, 1, T0));

        ProductionStatus.EventsAgainstDaq status = client.resources(ProductionResource.class)
                .inNamespace(MockCluster.NAMESPACE).withName("weighed").get().getStatus().eventsAgainstDaq();
        assertThat(status).isEqualTo(new ProductionStatus.EventsAgainstDaq(120, 2_985_000, 3_000_000, 3,
                List.of(66052, 66060, 66071),
                "120 runs produced, 3 under 0.95 of the DAQ's events (66052, 66060, 66071)"));
    }

    @Test
    void moreRunsUnderTheRatioThanNamedSayThereAreMoreAndNothingFinishedSaysSo() {
        DaqComparison many = new DaqComparison(500, 1, 2, 12, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertThat(StatusOnResource.of(standing(many), ProductionStatus.NONE, 1, T0).eventsAgainstDaq().summary())
                .isEqualTo("500 runs produced, 12 under 0.95 of the DAQ's events (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …)");
        assertThat(StatusOnResource.of(standing(DaqComparison.NONE), ProductionStatus.NONE, 1, T0).eventsAgainstDaq()
                .summary()).isEqualTo("no run produced yet");
    }

    private static ProductionStanding standing(WaitingCounts waiting) {
        return new ProductionStanding("waits", "DST_CALO", "run3auau", "ana523_nocdbtag_v001",
                ProductionStanding.State.WAITING, "a1b2c3d", T0, Map.of(), 52, 40, Optional.empty(), Optional.empty(),
                Map.of(), 0, 0, List.of(), waiting);
    }

    private static ProductionStanding standing(DaqComparison daq) {
        return new ProductionStanding("weighed", "DST_CALO", "run3auau", "ana523_nocdbtag_v001",
                ProductionStanding.State.PROGRESSING, "a1b2c3d", T0, Map.of(), 500, 120, Optional.empty(),
                Optional.empty(), Map.of(), 0, 0, List.of(), WaitingCounts.NONE, daq);
    }
}
