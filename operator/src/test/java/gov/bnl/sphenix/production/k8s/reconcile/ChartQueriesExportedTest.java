package gov.bnl.sphenix.production.k8s.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.batch.Selection;
import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.k8s.ChartTemplates;
import gov.bnl.sphenix.production.k8s.MockCluster;
import gov.bnl.sphenix.production.k8s.OperatorMain;
import gov.bnl.sphenix.production.k8s.OperatorSettings;
import gov.bnl.sphenix.production.k8s.ProductionResource;
import gov.bnl.sphenix.production.k8s.QueriedMetrics;
import gov.bnl.sphenix.production.ops.OperatorMetrics;
import gov.bnl.sphenix.production.ops.OpsServer;
import gov.bnl.sphenix.production.ops.ProcessReadiness;
import gov.bnl.sphenix.production.source.WorldOverHttp;
import gov.bnl.sphenix.production.tools.demo.DemoWorld;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the chart's Grafana dashboard and PrometheusRule query is one the operator
 * exports: the operator runs on the Fabric8 mock API server over a real world (PostgreSQL, git
 * over HTTP, jobs run by the local executor), a production runs until a run is finished and a job
 * is held, and then {@code /metrics}, scraped over HTTP as Prometheus would, must have a series of
 * each queried name, JOSDK's included. A renamed metric or a typo in a panel fails here, not on the
 * shift's screen.
 */
@EnableKubernetesMockClient(crud = true)
class ChartQueriesExportedTest {

    private static final String SOURCE = "sphenix-specs";
    private static final String STREAMING = "demo-streaming";

    static KubernetesClient client;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsExportedAfterRealPasses() throws Exception {
        Map<String, Set<String>> queried = queried();
        // the reading of the chart found what the shift's panels and alerts are about
        assertThat(queried).containsKeys("prodop_jobs", "prodop_held_jobs", "prodop_submissions_total",
                "prodop_jobs_finished_total", "prodop_daq_events_produced", "prodop_daq_events_recorded",
                "prodop_pass_duration_seconds_bucket", "prodop_queue_budget_used_jobs", "prodop_source_state",
                "prodop_production_state", "prodop_fetch_failures_total", "operator_sdk_reconciliations_started_total");

        MockCluster.installCrds(client);
        OperatorMetrics metrics = new OperatorMetrics();
        try (WorldOverHttp served = WorldOverHttp.create(dir, 1);
             Engines engines = new Engines(source -> served.world().engineFollowing(source.getSpec().url(),
                     "mirror-" + source.getMetadata().getName()))) {
            DemoWorld world = served.world();
            StatusRecorder recorder = new StatusRecorder(client, "prodctl-operator");
            OperatorMain operator = new OperatorMain(client, OperatorSettings.single().withCloseClientOnStop(false)
                    .watching(Set.of(MockCluster.NAMESPACE)), List.of(
                    new ProductionSourceReconciler(client, recorder, engines, metrics, Clock.systemUTC()),
                    new ProductionReconciler(engines, recorder, metrics, Duration.ofSeconds(1), Clock.systemUTC())),
                    metrics.registry());
            try (OpsServer ops = OpsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    operator::readiness, metrics)) {
                operator.start();
                client.resource(MockCluster.localSource(SOURCE, served.url())).create();
                world.declare("streaming", "Merge pull request #1: start event building");

                // one job held by hand stays held: the holds panel and alert have a series to show
                await().atMost(Duration.ofSeconds(60)).until(() -> world.batch().query(STREAMING).jobs().stream()
                        .anyMatch(BatchJob::isLive));
                BatchJob first = world.batch().query(STREAMING).jobs().stream().filter(BatchJob::isLive).findFirst()
                        .orElseThrow();
                world.batch().hold(Selection.id(first.id()), "kept for the dashboard");

                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    ProductionResource p = client.resources(ProductionResource.class)
                            .inNamespace(MockCluster.NAMESPACE).withName(STREAMING).get();
                    assertThat(p).isNotNull();
                    assertThat(p.getStatus().eventsAgainstDaq().runsCompared()).isPositive();
                    assertThat(missing(scrape(ops), queried)).isEmpty();
                });
                String scrape = scrape(ops);
                assertThat(value(scrape, "prodop_daq_events_recorded{production=\"" + STREAMING + "\"}")).isPositive();
                assertThat(value(scrape, "prodop_jobs{production=\"" + STREAMING + "\",state=\"held\"}")).isPositive();
                assertThat(ops.port()).isPositive();
                assertThat(operator.readiness()).extracting(ProcessReadiness::ready).isEqualTo(true);
            } finally {
                operator.close();
            }
        }
    }

    /** Every name the dashboard and the rules query, with where. */
    private static Map<String, Set<String>> queried() throws Exception {
        Map<String, Set<String>> queried = new TreeMap<>(QueriedMetrics.ofDashboard(new ObjectMapper().readTree(
                Files.readString(ChartTemplates.CHART.resolve("dashboards/sphenix-production.json")))));
        QueriedMetrics.ofRules(ChartTemplates.ofKind(ChartTemplates.template("prometheusrule.yaml"), "PrometheusRule"))
                .forEach((name, where) -> queried.merge(name, where, (a, b) -> {
                    a.addAll(b);
                    return a;
                }));
        return queried;
    }

    /** The queried names without a series in the scrape, each with where it is queried. */
    private static Map<String, Set<String>> missing(String scrape, Map<String, Set<String>> queried) {
        Map<String, Set<String>> missing = new TreeMap<>();
        queried.forEach((name, where) -> {
            if (!Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scrape).find()) {
                missing.put(name, where);
            }
        });
        return missing;
    }

    private static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(-1.0);
    }

    private String scrape(OpsServer ops) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
