package gov.bnl.sphenix.production.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A metric family: one name, one HELP and TYPE, and a series for each combination of label
 * values. Series are written sorted by their label values, so a scrape is stable.
 *
 * @param <S> what one series holds
 */
public abstract sealed class Metric<S> permits Counter, Gauge, Histogram {

    private static final Comparator<List<String>> BY_VALUES = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<List<String>, S> series = new ConcurrentHashMap<>();

    Metric(String name, String help, List<String> labelNames) {
        this.name = TextFormat.checkMetricName(name);
        this.help = help;
        this.labelNames = TextFormat.checkLabelNames(labelNames);
    }

    public String name() {
        return name;
    }

    abstract String type();

    /** Appends the sample lines of one series. */
    abstract void writeSeries(StringBuilder out, List<String> labelValues, S value);

    List<String> labelNames() {
        return labelNames;
    }

    S series(String[] labelValues, Supplier<S> create) {
        return series.computeIfAbsent(key(labelValues), k -> create.get());
    }

    void put(String[] labelValues, S value) {
        series.put(key(labelValues), value);
    }

    /** Drops every series whose label {@code labelName} has {@code value}: what is gone stops being reported. */
    void removeWhere(String labelName, String value) {
        int index = labelNames.indexOf(labelName);
        if (index >= 0) {
            series.keySet().removeIf(k -> k.get(index).equals(value));
        }
    }

    void write(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(TextFormat.escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type()).append('\n');
        List<Map.Entry<List<String>, S>> entries = new ArrayList<>(series.entrySet());
        entries.sort(Map.Entry.comparingByKey(BY_VALUES));
        for (Map.Entry<List<String>, S> e : entries) {
            writeSeries(out, e.getKey(), e.getValue());
        }
    }

    /** {@code name{labels} value} */
    void sample(StringBuilder out, String sampleName, List<String> names, List<String> values, double value) {
        out.append(sampleName).append(TextFormat.labels(names, values)).append(' ')
                .append(TextFormat.number(value)).append('\n');
    }

    private List<String> key(String[] labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " has labels " + labelNames + ", given "
                    + labelValues.length + " values");
        }
        for (String v : labelValues) {
            if (v == null) {
                throw new IllegalArgumentException(name + ": a label value is null");
            }
        }
        return List.of(labelValues);
    }
}
