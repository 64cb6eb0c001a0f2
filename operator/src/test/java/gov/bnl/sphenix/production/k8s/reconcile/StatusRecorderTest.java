package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.bnl.sphenix.production.control.events.EngineEvent;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.k8s.ConditionReason;
import gov.bnl.sphenix.production.k8s.Conditions;
import gov.bnl.sphenix.production.k8s.MockCluster;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.ProductionStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one writer of status and Events, on the mock API server in CRUD mode: a status that did not
 * change is not written, a write that lost a race is applied again to what won it, and every event
 * kind the engine emits becomes an Event with its own reason.
 */
@EnableKubernetesMockClient(crud = true)
class StatusRecorderTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-05T10:01:00Z");

    static KubernetesClient client;
    static KubernetesMockServer server;

    private static int taken;
    private final StatusRecorder recorder = new StatusRecorder(client, "prodctl-operator");

    @BeforeAll
    static void crds() {
        MockCluster.installCrds(client);
    }

    @Test
    void aStatusThatDidNotChangeIsNotWrittenAgainWhateverTheTime() throws Exception {
        ProductionResource created = create("unchanged");
        assertThat(recorder.production(created, ready("3 jobs running", T0))).isTrue();
        ProductionResource written = resource("unchanged").get();
        String version = written.getMetadata().getResourceVersion();
        requestsSoFar();

        assertThat(recorder.production(written, ready("3 jobs running", T1))).as("only the time differs").isFalse();

        assertThat(requestsSoFar()).as("requests the API server received").isEmpty();
        assertThat(resource("unchanged").get().getMetadata().getResourceVersion()).isEqualTo(version);
        assertThat(resource("unchanged").get().getStatus().lastReconcileTime()).isEqualTo(Conditions.timestamp(T0));
    }

    @Test
    void aWriteThatLostARaceIsAppliedAgainToWhatWonIt() throws Exception {
        ProductionResource stale = create("raced");
        // someone else writes the status after our copy was read
        ProductionResource other = resource("raced").get();
        other.setStatus(ProductionStatus.NONE.withConditions(1, Conditions.set(List.of(), Conditions.PROGRESSING, "True",
                ConditionReason.PROGRESSING, "written in between", 1, T0)));
        client.resource(other).updateStatus();
        requestsSoFar();

        assertThat(recorder.production(stale, ready("3 jobs running", T1))).isTrue();

        assertThat(requestsSoFar()).filteredOn(r -> r.getMethod().equals("PUT") || r.getMethod().equals("PATCH"))
                .as("the first write conflicted (409), the second went through").hasSize(2);
        ProductionStatus status = resource("raced").get().getStatus();
        assertThat(Conditions.find(status.conditions(), Conditions.READY).message()).isEqualTo("3 jobs running");
        assertThat(Conditions.find(status.conditions(), Conditions.PROGRESSING).message())
                .as("what the other writer wrote is kept").isEqualTo("written in between");
    }

    @Test
    void aResourceThatIsWrittenOnEveryAttemptIsGivenUpAfterABoundedNumber() {
        ProductionResource stale = create("busy");
        int[] attempts = {0};
        UnaryOperator<ProductionStatus> racing = before -> {
            attempts[0]++;
            // another writer gets in between every read and write
            resource("busy").edit(p -> {
                p.getMetadata().setLabels(java.util.Map.of("touched", String.valueOf(attempts[0])));
                return p;
            });
            return ready("3 jobs running", T0).apply(before);
        };

        assertThatThrownBy(() -> recorder.production(stale, racing)).isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(409));
        assertThat(attempts[0]).isEqualTo(StatusRecorder.ATTEMPTS);
    }

    @Test
    void everyEventKindTheEngineEmitsBecomesAnEventWithItsOwnReason() {
        ProductionResource production = create("eventful");
        List<EngineEvent> events = Arrays.stream(EventKind.values())
                .map(kind -> new EngineEvent(T0, "eventful", kind, "a " + kind.spelling() + " event", false,
                        Optional.empty(), Optional.empty()))
                .toList();
        int perPass = StatusRecorder.EVENTS_PER_PASS;
        for (int from = 0; from < events.size(); from += perPass) {
            recorder.events(production, events.subList(from, Math.min(events.size(), from + perPass)));
        }

        List<Event> published = client.v1().events().inNamespace(MockCluster.NAMESPACE).list().getItems().stream()
                .filter(e -> e.getInvolvedObject().getName().equals("eventful")).toList();
        assertThat(published).extracting(Event::getReason).hasSize(EventKind.values().length).doesNotHaveDuplicates()
                .allMatch(reason -> reason.matches("[A-Z][A-Za-z]*"), "UpperCamelCase")
                .contains("Submitted", "DeletionBlocked", "HarvestConflict", "FetchFailed", "Stalled");
    }

    private static UnaryOperator<ProductionStatus> ready(String message, Instant now) {
        return before -> new ProductionStatus(1L, "progressing", "a1b2c3d", Conditions.timestamp(now), null, null, null,
                null, 0, 0, null, null, 0, null, null).withConditions(1, Conditions.set(before.conditions(), Conditions.READY, "True",
                ConditionReason.PROGRESSING, message, 1, now));
    }

    private static ProductionResource create(String name) {
        return client.resource(MockCluster.production(name, "DST_CALO")).create();
    }

    private static Resource<ProductionResource> resource(String name) {
        return client.resources(ProductionResource.class).inNamespace(MockCluster.NAMESPACE).withName(name);
    }

    /** The requests the mock API server received since the last call. */
    private static List<RecordedRequest> requestsSoFar() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        while (taken < server.getRequestCount()) {
            requests.add(server.takeRequest(5, TimeUnit.SECONDS));
            taken++;
        }
        return requests;
    }
}
