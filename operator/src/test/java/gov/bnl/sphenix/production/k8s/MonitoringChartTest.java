package gov.bnl.sphenix.production.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.bnl.sphenix.production.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the chart gives Grafana and Prometheus: the dashboard's ConfigMap carries the label the
 * sidecar loads, from the values; the dashboard has the panels the shift asked for; the
 * PrometheusRule is off unless asked for, and every alert has a duration, a severity, words for the
 * shift and a runbook section that exists. ({@code ChartQueriesExportedTest} checks the names they
 * query against a real scrape.)
 */
class MonitoringChartTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void theDashboardConfigMapCarriesTheSidecarsLabelFromTheValuesAndTheDashboardFile() throws IOException {
        Map<String, Object> monitoring = map(ChartTemplates.values().get("monitoring"));
        Map<String, Object> dashboard = map(monitoring.get("dashboard"));
        assertThat(dashboard).containsEntry("enabled", true).containsEntry("label", "grafana_dashboard")
                .containsEntry("labelValue", "1");

        Map<String, Object> configMap = ChartTemplates.ofKind(ChartTemplates.template("dashboard.yaml"), "ConfigMap");
        assertThat(map(configMap.get("data"))).containsKey("sphenix-production.json");
        // the label line is all template, so the reading drops it: the text says it
        String template = Files.readString(ChartTemplates.CHART.resolve("templates/dashboard.yaml"));
        assertThat(template).startsWith("{{- if .Values.monitoring.dashboard.enabled }}")
                .contains("{{ .Values.monitoring.dashboard.label }}: {{ .Values.monitoring.dashboard.labelValue | quote }}")
                .contains(".Files.Get \"dashboards/sphenix-production.json\"");
    }

    @Test
    void theDashboardShowsWhatTheShiftAskedFor() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                Files.readString(ChartTemplates.CHART.resolve("dashboards/sphenix-production.json")));
        assertThat(dashboard.path("uid").asText()).isEqualTo("sphenix-production");
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(p -> titles.add(p.path("title").asText()));
        assertThat(titles).contains("Jobs by state", "Submissions and finishes per hour", "Held jobs by reason",
                "Events produced vs recorded by the DAQ", "Pass duration", "Queue budget use");
        dashboard.path("panels").forEach(p -> {
            if (!p.path("type").asText().equals("row")) {
                assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty();
                assertThat(p.path("description").asText()).as(p.path("title").asText()).isNotBlank();
            }
        });
        // one production or several, chosen from the productions the operator reports
        assertThat(dashboard.path("templating").path("list").findValuesAsText("name")).contains("production");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasADurationASeverityWordsForTheShiftAndARunbookSectionThatExists() throws IOException {
        assertThat(map(map(ChartTemplates.values().get("monitoring")).get("prometheusRule")))
                .containsEntry("enabled", false);
        String template = Files.readString(ChartTemplates.CHART.resolve("templates/prometheusrule.yaml"));
        assertThat(template).startsWith("{{- if .Values.monitoring.prometheusRule.enabled }}");

        Map<String, Object> rule = ChartTemplates.ofKind(ChartTemplates.template("prometheusrule.yaml"), "PrometheusRule");
        assertThat(rule).containsEntry("apiVersion", "monitoring.coreos.com/v1");
        Set<String> sections = sections("docs/shift.md");
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) map(rule.get("spec")).get("groups")) {
            for (Map<String, Object> alert : (List<Map<String, Object>>) group.get("rules")) {
                String name = String.valueOf(alert.get("alert"));
                alerts.add(name);
                assertThat(alert).as(name).containsKeys("expr", "for");
                assertThat(map(alert.get("labels")).get("severity")).as(name).isIn("critical", "warning", "info");
                Map<String, Object> annotations = map(alert.get("annotations"));
                assertThat(annotations).as(name).containsKeys("summary", "description", "runbook_url");
                String runbook = String.valueOf(annotations.get("runbook_url"));
                assertThat(runbook).as(name).startsWith(ChartTemplates.TEMPLATED + "/shift.md#");
                assertThat(sections).as(name + "'s runbook section in docs/shift.md")
                        .contains(runbook.substring(runbook.indexOf('#') + 1));
            }
        }
        assertThat(alerts).contains("ProductionStalled", "SpecsRevisionRejected", "SpecsRevisionBlocked",
                "HeldJobsPilingUp").doesNotHaveDuplicates();
    }

    /** The anchors of a Markdown file's headings, as a Git forge makes them. */
    private static Set<String> sections(String file) throws IOException {
        return Files.readAllLines(RepositoryFiles.root().resolve(file)).stream().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "")
                        .replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
