package gov.bnl.sphenix.production.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The metrics of this process, written in registration order in the Prometheus text format. */
public final class MetricsRegistry {

    private final List<Metric<?>> metrics = new CopyOnWriteArrayList<>();
    private final Map<String, Metric<?>> byName = new ConcurrentHashMap<>();

    public Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, List.of(labelNames)));
    }

    public Gauge gauge(String name, String help, String... labelNames) {
        return register(new Gauge(name, help, List.of(labelNames)));
    }

    public Histogram histogram(String name, String help, double[] bounds, String... labelNames) {
        return register(new Histogram(name, help, List.of(labelNames), bounds));
    }

    /** Stops reporting every series of every metric with label {@code labelName} = {@code value}. */
    public void removeSeries(String labelName, String value) {
        metrics.forEach(m -> m.removeWhere(labelName, value));
    }

    public String scrape() {
        StringBuilder out = new StringBuilder();
        metrics.forEach(m -> m.write(out));
        return out.toString();
    }

    private <M extends Metric<?>> M register(M metric) {
        if (byName.putIfAbsent(metric.name(), metric) != null) {
            throw new IllegalArgumentException("metric registered twice: " + metric.name());
        }
        metrics.add(metric);
        return metric;
    }
}
