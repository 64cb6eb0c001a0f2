package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.ops.OperatorMetrics;
import gov.bnl.sphenix.production.ops.OpsServer;
import gov.bnl.sphenix.production.ops.ProcessReadiness;
import gov.bnl.sphenix.production.plan.Tally;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a Prometheus scrape of the operator costs: the metrics of {@code productions} productions
 * as passes leave them (every job state, the phase, ten hold reasons, the DAQ comparison, the
 * counters and pass timers), scraped in the process and over HTTP on loopback, as Prometheus does.
 */
public final class MetricsBench {

    /** Scrapes before timing: at least this many, and for at least {@link #WARM_UP_TIME}, so the JIT has settled. */
    private static final int WARM_UP = 20;
    private static final Duration WARM_UP_TIME = Duration.ofSeconds(3);
    private static final int TIMED = 50;

    /** One size: its series and bytes, and the median scrape in the process and over HTTP. */
    public record Result(int productions, long series, int bytes, Timing inProcess, Timing overHttp) {
    }

    /** The median and the fastest of the timed scrapes: on a busy machine the fastest says what a scrape itself costs. */
    public record Timing(double medianMillis, double fastestMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f ms (fastest %.2f)", medianMillis, fastestMillis);
        }
    }

    private final PrintWriter out;

    public MetricsBench(PrintWriter out) {
        this.out = out;
    }

    public Result run(int productions) throws IOException, InterruptedException {
        OperatorMetrics metrics = afterPasses(productions);
        String body = metrics.scrape();
        long series = body.lines().filter(line -> !line.startsWith("#")).count();
        Timing inProcess = time(() -> metrics.scrape().length());
        Timing overHttp;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (OpsServer ops = OpsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> ProcessReadiness.ready("bench"), metrics)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + "/metrics"))
                    .timeout(Duration.ofSeconds(30)).build();
            overHttp = time(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).body().length());
        }
        Result result = new Result(productions, series, body.length(), inProcess, overHttp);
        out.printf(Locale.ROOT, "metrics: %d productions, %d series, %d kB; scrape %s in the process, %s over HTTP"
                        + " (median of %d after %d s of warm-up)%n", productions, series, body.length() / 1024, inProcess,
                overHttp, TIMED, WARM_UP_TIME.toSeconds());
        out.flush();
        return result;
    }

    /** The registry as the operator's reconcilers leave it after a few passes of each production. */
    static OperatorMetrics afterPasses(int productions) {
        OperatorMetrics metrics = new OperatorMetrics();
        Map<String, Long> holds = new LinkedHashMap<>();
        for (int r = 0; r < 10; r++) {
            holds.put("code 3/" + (34 + r) + ": memory usage exceeded request_memory, case " + r, (long) r + 1);
        }
        for (int p = 0; p < productions; p++) {
            String name = String.format(Locale.ROOT, "run3auau-production-%04d", p);
            Map<Tally, Long> jobs = new EnumMap<>(Tally.class);
            for (Tally t : Tally.values()) {
                jobs.put(t, (long) (p + t.ordinal() * 100));
            }
            for (int pass = 0; pass < 3; pass++) {
                metrics.jobs(name, Tally.class, jobs);
                metrics.state(name, ProductionStanding.State.PROGRESSING);
                metrics.holds(name, holds);
                metrics.eventsAgainstDaq(name, 1000, 24_000_000, 25_000_000, 3);
                metrics.submitted(name, 40);
                metrics.finished(name, 35, 1);
                metrics.harvested(name, 200);
                metrics.reconciled(name, Duration.ofMillis(200 + pass * 300));
            }
        }
        metrics.source("specs", SourceState.APPLIED);
        metrics.queueBudget("specs", 50_000, 12_345);
        metrics.passed("specs", Duration.ofSeconds(4));
        return metrics;
    }

    /** Stands for the source state the operator reports: the bench needs one enum value of it. */
    private enum SourceState { APPLIED }

    private interface Scrape {
        int once() throws IOException, InterruptedException;
    }

    private static Timing time(Scrape scrape) throws IOException, InterruptedException {
        long until = System.nanoTime() + WARM_UP_TIME.toNanos();
        for (int i = 0; i < WARM_UP || System.nanoTime() < until; i++) {
            scrape.once();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < TIMED; i++) {
            long started = System.nanoTime();
            scrape.once();
            nanos.add(System.nanoTime() - started);
        }
        Collections.sort(nanos);
        return new Timing(nanos.get(TIMED / 2) / 1e6, nanos.get(0) / 1e6);
    }
}
