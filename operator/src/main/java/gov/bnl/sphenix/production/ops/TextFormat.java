package gov.bnl.sphenix.production.ops;

import java.util.List;
import java.util.regex.Pattern;

/** The small parts of the Prometheus text exposition format (version 0.0.4): names, escaping, numbers. */
final class TextFormat {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private TextFormat() {
    }

    static String checkMetricName(String name) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        return name;
    }

    static List<String> checkLabelNames(List<String> names) {
        for (String name : names) {
            if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
                throw new IllegalArgumentException("not a label name: " + name);
            }
        }
        return List.copyOf(names);
    }

    /** A label value may hold anything; backslash, double quote and line feed are escaped. */
    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** HELP text escapes backslash and line feed only. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** {@code {a="x",b="y"}}, or nothing without labels. */
    static String labels(List<String> names, List<String> values) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(names.get(i)).append("=\"").append(escapeLabelValue(values.get(i))).append('"');
        }
        return out.append('}').toString();
    }

    /** Whole numbers without a fraction (counts read better), the special values as Prometheus spells them. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
