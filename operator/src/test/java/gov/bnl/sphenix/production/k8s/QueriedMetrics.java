package gov.bnl.sphenix.production.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a dashboard's and a rule file's PromQL expressions query, each with where it is
 * queried. PromQL is read just enough for that: strings, label matchers, ranges, grouping clauses
 * and Grafana's variables are dropped; what is left that is a name and not a function or a keyword
 * is a metric.
 */
public final class QueriedMetrics {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,)]+?)\\s*,\\s*\\w+\\s*\\)");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    /** A name that does not start inside another token (the {@code m} of {@code 5m}, say). */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", ChartTemplates.TEMPLATED);

    private QueriedMetrics() {
    }

    /** The metric names one expression queries. */
    public static Set<String> of(String expression) {
        String e = STRING.matcher(expression).replaceAll("");
        e = LABEL_VALUES.matcher(e).replaceAll("$1");
        e = MATCHERS.matcher(e).replaceAll(" ");
        e = RANGE.matcher(e).replaceAll(" ");
        e = GROUPING.matcher(e).replaceAll(" ");
        e = VARIABLE.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(e);
        while (m.find()) {
            String name = m.group();
            boolean function = e.substring(m.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every metric a Grafana dashboard's panels and variables query, with the panel or variable that does. */
    public static Map<String, Set<String>> ofDashboard(JsonNode dashboard) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            String text = query.isTextual() ? query.asText() : query.path("query").asText("");
            if (variable.path("type").asText().equals("query")) {
                add(found, of(text), "variable " + variable.path("name").asText());
            }
        }
        panels(dashboard.path("panels"), found);
        return found;
    }

    private static void panels(JsonNode panels, Map<String, Set<String>> found) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                add(found, of(target.path("expr").asText("")), "panel " + panel.path("title").asText());
            }
            panels(panel.path("panels"), found);
        }
    }

    /** Every metric the rules of a PrometheusRule's spec query, with the alert or record that does. */
    @SuppressWarnings("unchecked")
    public static Map<String, Set<String>> ofRules(Map<String, Object> prometheusRule) {
        Map<String, Set<String>> found = new TreeMap<>();
        Map<String, Object> spec = (Map<String, Object>) prometheusRule.get("spec");
        for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
                add(found, of(String.valueOf(rule.get("expr"))), "rule " + name);
            }
        }
        return found;
    }

    private static void add(Map<String, Set<String>> found, Set<String> names, String where) {
        names.forEach(n -> found.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(where));
    }
}
