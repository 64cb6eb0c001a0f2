package gov.bnl.sphenix.production.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operations endpoints on one port: {@code /healthz} (the process answers: liveness),
 * {@code /readyz} (the operator can work: readiness, 503 with the reason when not) and
 * {@code /metrics} (the Prometheus text format of {@link OperatorMetrics}' registry: the operator's,
 * JOSDK's and the JVM's meters). The JDK's HTTP server is enough for a kubelet and a scraper every
 * few seconds.
 */
public final class OpsServer implements AutoCloseable {

    /** What Micrometer's {@code scrape()} writes: Prometheus' text format 0.0.4. */
    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on {@code address} (port 0 picks a free port). */
    public static OpsServer start(InetSocketAddress address, Supplier<ProcessReadiness> readiness, OperatorMetrics metrics)
            throws IOException {
        // the JDK's server writes headers and body apart; with Nagle on, a small answer (a probe, a
        // short scrape) then waits ~40 ms for the client's delayed ACK. Read once, when the first
        // server of the process starts; a value given on the command line stays.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(address, 16);
        server.createContext("/healthz", exchange -> answer(exchange, 200, "text/plain; charset=utf-8", "ok\n"));
        server.createContext("/readyz", exchange -> {
            ProcessReadiness r = safely(readiness);
            answer(exchange, r.ready() ? 200 : 503, "text/plain; charset=utf-8", r.reason() + "\n");
        });
        server.createContext("/metrics", exchange -> answer(exchange, 200, METRICS_TYPE, metrics.scrape()));
        // two threads: a slow scrape must not hold up the kubelet's probes
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new OpsServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A readiness check that throws (or answers nothing) is an answer too: not ready, with what it threw. */
    private static ProcessReadiness safely(Supplier<ProcessReadiness> readiness) {
        try {
            return Objects.requireNonNull(readiness.get(), "no readiness");
        } catch (RuntimeException e) {
            return ProcessReadiness.notReady("readiness check failed: " + e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            // an exact path only: /healthz/anything is not the probe someone meant
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!path.equals(exchange.getHttpContext().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n", method);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n", method);
            } else {
                send(exchange, status, contentType, body, method);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body, String method)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
