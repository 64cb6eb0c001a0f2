package gov.bnl.sphenix.production.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Observations counted into buckets with upper bounds, plus their sum and count; Prometheus
 * computes quantiles across replicas from these, which a summary could not offer.
 */
public final class Histogram extends Metric<Histogram.Buckets> {

    private final double[] bounds;

    Histogram(String name, String help, List<String> labelNames, double... bounds) {
        super(name, help, labelNames);
        if (labelNames.contains("le")) {
            throw new IllegalArgumentException(name + ": 'le' is the bucket label of a histogram");
        }
        double[] sorted = bounds.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0 || !Arrays.equals(sorted, bounds) || Arrays.stream(sorted).distinct().count() != sorted.length) {
            throw new IllegalArgumentException(name + ": bucket bounds must be given rising: " + Arrays.toString(bounds));
        }
        this.bounds = sorted;
    }

    public void observe(double value, String... labelValues) {
        series(labelValues, () -> new Buckets(bounds.length)).add(bounds, value);
    }

    @Override
    String type() {
        return "histogram";
    }

    @Override
    void writeSeries(StringBuilder out, List<String> labelValues, Buckets buckets) {
        Buckets.Snapshot s = buckets.snapshot();
        List<String> names = new ArrayList<>(labelNames());
        names.add("le");
        long cumulative = 0;
        for (int i = 0; i <= bounds.length; i++) {
            cumulative += s.counts()[i];
            List<String> values = new ArrayList<>(labelValues);
            values.add(i < bounds.length ? TextFormat.number(bounds[i]) : "+Inf");
            sample(out, name() + "_bucket", names, values, cumulative);
        }
        sample(out, name() + "_sum", labelNames(), labelValues, s.sum());
        sample(out, name() + "_count", labelNames(), labelValues, cumulative);
    }

    /** One series: counts per bucket (the last one past every bound) and the sum, changed together. */
    static final class Buckets {
        private final long[] counts;
        private double sum;

        Buckets(int bounds) {
            counts = new long[bounds + 1];
        }

        synchronized void add(double[] bounds, double value) {
            int i = 0;
            while (i < bounds.length && value > bounds[i]) {
                i++;
            }
            counts[i]++;
            sum += value;
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(counts.clone(), sum);
        }

        record Snapshot(long[] counts, double sum) {
        }
    }
}
