package gov.bnl.sphenix.production.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints as a kubelet and a Prometheus scraper see them: over HTTP. */
class OpsServerTest {

    enum Tally { READY, RUNNING, HELD }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<ProcessReadiness> readiness = new AtomicReference<>(ProcessReadiness.notReady("starting"));
    private final OperatorMetrics metrics = new OperatorMetrics();
    private OpsServer server;

    @BeforeEach
    void start() throws IOException {
        server = OpsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), readiness::get,
                metrics);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> request(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return request("GET", path);
    }

    @Test
    void livenessAnswersWhileTheProcessRuns() throws Exception {
        HttpResponse<String> response = get("/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok\n");
    }

    @Test
    void readinessFollowsTheSupplierAndGivesTheReason() throws Exception {
        HttpResponse<String> starting = get("/readyz");
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(starting.body()).isEqualTo("starting\n");

        readiness.set(ProcessReadiness.ready("leading; 2 controllers healthy"));
        HttpResponse<String> ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("leading; 2 controllers healthy\n");
    }

    @Test
    void aReadinessCheckThatFailsIsNotReady() throws Exception {
        readiness.set(null);
        HttpResponse<String> response = get("/readyz");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).startsWith("readiness check failed: java.lang.NullPointerException");
    }

    @Test
    void metricsAreScrapedInTheTextFormatWithTheOperatorsNames() throws Exception {
        metrics.jobs("run3auau \"new\"", Tally.class, Map.of(Tally.RUNNING, 12L, Tally.HELD, 1L));
        metrics.reconciled("run3auau \"new\"", Duration.ofMillis(300));
        metrics.reconciled("run3auau \"new\"", Duration.ofSeconds(7));
        metrics.submitted("run3auau \"new\"", 40);
        metrics.harvested("run3auau \"new\"", 25);
        metrics.fetchFailed("specs");
        metrics.fetchFailed("specs");

        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String p = "production=\"run3auau \\\"new\\\"\"";
        // the operator's series exactly; the JVM's and the process's are there too, with values of their own
        assertThat(response.body().lines().filter(line -> line.startsWith("prodop_")).toList()).containsExactly("""
                prodop_fetch_failures_total{source="specs"} 2.0
                prodop_harvested_files_total{%1$s} 25.0
                prodop_jobs{%1$s,state="held"} 1.0
                prodop_jobs{%1$s,state="ready"} 0.0
                prodop_jobs{%1$s,state="running"} 12.0
                prodop_reconcile_duration_seconds_bucket{%1$s,le="0.05"} 0
                prodop_reconcile_duration_seconds_bucket{%1$s,le="0.1"} 0
                prodop_reconcile_duration_seconds_bucket{%1$s,le="0.25"} 0
                prodop_reconcile_duration_seconds_bucket{%1$s,le="0.5"} 1
                prodop_reconcile_duration_seconds_bucket{%1$s,le="1.0"} 1
                prodop_reconcile_duration_seconds_bucket{%1$s,le="2.5"} 1
                prodop_reconcile_duration_seconds_bucket{%1$s,le="5.0"} 1
                prodop_reconcile_duration_seconds_bucket{%1$s,le="10.0"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="30.0"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="60.0"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="120.0"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="300.0"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="+Inf"} 2
                prodop_reconcile_duration_seconds_count{%1$s} 2
                prodop_reconcile_duration_seconds_sum{%1$s} 7.3
                prodop_reconcile_duration_seconds_max{%1$s} 7.0
                prodop_submissions_total{%1$s} 40.0
                """.formatted(p).lines().toArray(String[]::new));
        assertThat(response.body()).contains("# TYPE prodop_jobs gauge\n",
                "# HELP prodop_jobs Job keys of a production by state, as of its last pass.\n",
                "# TYPE prodop_reconcile_duration_seconds histogram\n", "# TYPE prodop_submissions_total counter\n",
                "# TYPE jvm_memory_used_bytes gauge\n");
    }

    @Test
    void heldReasonsThatEndAndStatesThatChangeAreNotLeftBehind() throws Exception {
        metrics.holds("calo", Map.of("code 3/34: memory", 4L, "code 1/0: by hand", 1L));
        metrics.holds("calo", Map.of("code 3/34: memory", 2L));
        metrics.state("calo", Tally.RUNNING);
        metrics.eventsAgainstDaq("calo", 10, 9_400, 10_000, 1);
        List<String> lines = get("/metrics").body().lines().filter(line -> line.startsWith("prodop_")).toList();
        assertThat(lines).containsExactly(
                "prodop_daq_events_produced{production=\"calo\"} 9400.0",
                "prodop_daq_events_recorded{production=\"calo\"} 10000.0",
                "prodop_daq_runs_below_ratio{production=\"calo\"} 1.0",
                "prodop_daq_runs_compared{production=\"calo\"} 10.0",
                "prodop_held_jobs{production=\"calo\",reason=\"code 3/34: memory\"} 2.0",
                "prodop_production_state{production=\"calo\",state=\"held\"} 0.0",
                "prodop_production_state{production=\"calo\",state=\"ready\"} 0.0",
                "prodop_production_state{production=\"calo\",state=\"running\"} 1.0");
    }

    @Test
    void aForgottenProductionLeavesTheScrape() throws Exception {
        metrics.submitted("kept", 1);
        metrics.submitted("removed", 1);
        metrics.jobs("removed", Tally.class, Map.of());
        metrics.reconciled("removed", Duration.ofSeconds(1));
        metrics.holds("removed", Map.of("code 3/34", 1L));
        metrics.forget("removed");
        String body = get("/metrics").body();
        assertThat(body).contains("prodop_submissions_total{production=\"kept\"} 1.0\n").doesNotContain("removed");
    }

    @Test
    void onlyTheExactPathsAndReadMethodsAreServed() throws Exception {
        assertThat(get("/healthz/extra").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
        HttpResponse<String> post = request("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<String> head = request("HEAD", "/healthz");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }
}
