package gov.bnl.sphenix.production.ops;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/** A count that only goes up (it restarts at zero with the process, which Prometheus' rate() expects). */
public final class Counter extends Metric<DoubleAdder> {

    Counter(String name, String help, List<String> labelNames) {
        super(name, help, labelNames);
    }

    public void inc(String... labelValues) {
        inc(1, labelValues);
    }

    public void inc(double amount, String... labelValues) {
        if (amount < 0 || Double.isNaN(amount)) {
            throw new IllegalArgumentException(name() + ": a counter cannot go down by " + amount);
        }
        series(labelValues, DoubleAdder::new).add(amount);
    }

    @Override
    String type() {
        return "counter";
    }

    @Override
    void writeSeries(StringBuilder out, List<String> labelValues, DoubleAdder value) {
        sample(out, name(), labelNames(), labelValues, value.sum());
    }
}
