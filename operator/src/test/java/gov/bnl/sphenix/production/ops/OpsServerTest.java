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
    private final OperatorMetrics metrics = new OperatorMetrics(new MetricsRegistry());
    private OpsServer server;

    @BeforeEach
    void start() throws IOException {
        server = OpsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), readiness::get,
                metrics.registry());
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
        assertThat(response.body()).isEqualTo("""
                # HELP prodop_jobs Job keys of a production by state, as of its last pass.
                # TYPE prodop_jobs gauge
                prodop_jobs{%1$s,state="held"} 1
                prodop_jobs{%1$s,state="ready"} 0
                prodop_jobs{%1$s,state="running"} 12
                # HELP prodop_reconcile_duration_seconds Time one reconcile pass of a production took.
                # TYPE prodop_reconcile_duration_seconds histogram
                prodop_reconcile_duration_seconds_bucket{%1$s,le="0.05"} 0
                prodop_reconcile_duration_seconds_bucket{%1$s,le="0.1"} 0
                prodop_reconcile_duration_seconds_bucket{%1$s,le="0.25"} 0
                prodop_reconcile_duration_seconds_bucket{%1$s,le="0.5"} 1
                prodop_reconcile_duration_seconds_bucket{%1$s,le="1"} 1
                prodop_reconcile_duration_seconds_bucket{%1$s,le="2.5"} 1
                prodop_reconcile_duration_seconds_bucket{%1$s,le="5"} 1
                prodop_reconcile_duration_seconds_bucket{%1$s,le="10"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="30"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="60"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="120"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="300"} 2
                prodop_reconcile_duration_seconds_bucket{%1$s,le="+Inf"} 2
                prodop_reconcile_duration_seconds_sum{%1$s} 7.3
                prodop_reconcile_duration_seconds_count{%1$s} 2
                # HELP prodop_submissions_total Jobs submitted to the batch system.
                # TYPE prodop_submissions_total counter
                prodop_submissions_total{%1$s} 40
                # HELP prodop_harvested_files_total Output files registered in the FileCatalog.
                # TYPE prodop_harvested_files_total counter
                prodop_harvested_files_total{%1$s} 25
                # HELP prodop_fetch_failures_total Failed fetches of a production source's git repository.
                # TYPE prodop_fetch_failures_total counter
                prodop_fetch_failures_total{source="specs"} 2
                """.formatted(p));
    }

    @Test
    void aForgottenProductionLeavesTheScrape() throws Exception {
        metrics.submitted("kept", 1);
        metrics.submitted("removed", 1);
        metrics.jobs("removed", Tally.class, Map.of());
        metrics.forget("removed");
        String body = get("/metrics").body();
        assertThat(body).contains("prodop_submissions_total{production=\"kept\"} 1\n").doesNotContain("removed");
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
