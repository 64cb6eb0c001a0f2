package gov.bnl.sphenix.production.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsRegistryTest {

    private final MetricsRegistry registry = new MetricsRegistry();

    @Test
    void countersAndGaugesWriteHelpTypeAndSeriesSortedByLabels() {
        Counter counter = registry.counter("x_events_total", "Events seen.", "kind");
        Gauge gauge = registry.gauge("x_depth", "Queue depth.");
        counter.inc("b");
        counter.inc(2, "a");
        counter.inc(0.5, "a");
        gauge.set(7);
        assertThat(registry.scrape()).isEqualTo("""
                # HELP x_events_total Events seen.
                # TYPE x_events_total counter
                x_events_total{kind="a"} 2.5
                x_events_total{kind="b"} 1
                # HELP x_depth Queue depth.
                # TYPE x_depth gauge
                x_depth 7
                """);
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        Gauge gauge = registry.gauge("x_g", "A \\ backslash\nand a second line.", "name");
        gauge.set(1, "say \"hi\"\\\nbye");
        assertThat(registry.scrape()).isEqualTo("""
                # HELP x_g A \\\\ backslash\\nand a second line.
                # TYPE x_g gauge
                x_g{name="say \\"hi\\"\\\\\\nbye"} 1
                """);
    }

    @Test
    void histogramsCountCumulativeBucketsWithSumAndCount() {
        Histogram h = registry.histogram("x_seconds", "Durations.", new double[] {0.5, 1, 2.5}, "job");
        h.observe(0.2, "j");
        h.observe(0.5, "j");
        h.observe(2, "j");
        h.observe(9, "j");
        assertThat(registry.scrape()).isEqualTo("""
                # HELP x_seconds Durations.
                # TYPE x_seconds histogram
                x_seconds_bucket{job="j",le="0.5"} 2
                x_seconds_bucket{job="j",le="1"} 2
                x_seconds_bucket{job="j",le="2.5"} 3
                x_seconds_bucket{job="j",le="+Inf"} 4
                x_seconds_sum{job="j"} 11.7
                x_seconds_count{job="j"} 4
                """);
    }

    @Test
    void specialValuesAreSpelledAsPrometheusReadsThem() {
        Gauge gauge = registry.gauge("x_special", "Special values.", "v");
        gauge.set(Double.NaN, "nan");
        gauge.set(Double.POSITIVE_INFINITY, "pinf");
        gauge.set(Double.NEGATIVE_INFINITY, "ninf");
        gauge.set(1e20, "big");
        assertThat(registry.scrape()).contains("x_special{v=\"nan\"} NaN\n", "x_special{v=\"pinf\"} +Inf\n",
                "x_special{v=\"ninf\"} -Inf\n", "x_special{v=\"big\"} 1.0E20\n");
    }

    @Test
    void removingSeriesByLabelDropsThemFromEveryMetric() {
        Gauge gauge = registry.gauge("x_a", "A.", "production", "state");
        Counter counter = registry.counter("x_b_total", "B.", "production");
        gauge.set(1, "gone", "idle");
        gauge.set(2, "kept", "idle");
        counter.inc("gone");
        registry.removeSeries("production", "gone");
        assertThat(registry.scrape()).doesNotContain("gone").contains("x_a{production=\"kept\",state=\"idle\"} 2\n");
    }

    @Test
    void misuseIsRejectedWhereItHappens() {
        Counter counter = registry.counter("x_c_total", "C.", "a");
        assertThatThrownBy(() -> counter.inc(-1, "v")).hasMessageContaining("cannot go down");
        assertThatThrownBy(() -> counter.inc("v", "w")).hasMessageContaining("given 2 values");
        assertThatThrownBy(() -> counter.inc((String) null)).hasMessageContaining("null");
        assertThatThrownBy(() -> registry.counter("x_c_total", "again")).hasMessageContaining("twice");
        assertThatThrownBy(() -> registry.gauge("bad-name", "B.")).hasMessageContaining("not a metric name");
        assertThatThrownBy(() -> registry.gauge("x_d", "D.", "bad-label")).hasMessageContaining("not a label name");
        assertThatThrownBy(() -> registry.histogram("x_e", "E.", new double[] {1}, "le")).hasMessageContaining("'le'");
        assertThatThrownBy(() -> registry.histogram("x_f", "F.", new double[] {2, 1})).hasMessageContaining("rising");
    }
}
