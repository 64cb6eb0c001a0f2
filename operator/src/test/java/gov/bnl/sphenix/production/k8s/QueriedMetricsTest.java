package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading metric names out of PromQL as the chart's expressions write it. */
class QueriedMetricsTest {

    @Test
    void namesAreTheMetricsNotTheFunctionsLabelsDurationsOrVariables() {
        assertThat(QueriedMetrics.of("histogram_quantile(0.9, sum by (le, source) "
                + "(rate(prodop_pass_duration_seconds_bucket[$__rate_interval])))"))
                .containsExactly("prodop_pass_duration_seconds_bucket");
        assertThat(QueriedMetrics.of("max by (production) (prodop_production_state{state=\"progressing\","
                + " production=~\"$production\"}) == 1 and sum by (production) (increase(prodop_jobs_finished_total[6h]"
                + " offset 5m)) == 0"))
                .containsExactly("prodop_jobs_finished_total", "prodop_production_state");
        assertThat(QueriedMetrics.of("max by (source) (prodop_queue_budget_used_jobs) / on (source) "
                + "group_left max by (source) (prodop_queue_budget_jobs) > TEMPLATED"))
                .containsExactly("prodop_queue_budget_jobs", "prodop_queue_budget_used_jobs");
        assertThat(QueriedMetrics.of("label_values(prodop_jobs{state=\"held\"}, production)"))
                .containsExactly("prodop_jobs");
        assertThat(QueriedMetrics.of("vector(1) > bool 0")).isEmpty();
    }
}
