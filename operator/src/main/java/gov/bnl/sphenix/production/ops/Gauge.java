package gov.bnl.sphenix.production.ops;

import java.util.List;

/** A value that is set to what it is now, e.g. jobs in a state. */
public final class Gauge extends Metric<Double> {

    Gauge(String name, String help, List<String> labelNames) {
        super(name, help, labelNames);
    }

    public void set(double value, String... labelValues) {
        put(labelValues, value);
    }

    @Override
    String type() {
        return "gauge";
    }

    @Override
    void writeSeries(StringBuilder out, List<String> labelValues, Double value) {
        sample(out, name(), labelNames(), labelValues, value);
    }
}
