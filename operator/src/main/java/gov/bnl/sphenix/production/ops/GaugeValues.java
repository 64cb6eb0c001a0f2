package gov.bnl.sphenix.production.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The current value of each labelled gauge series. A Micrometer gauge reads its value from an
 * object it is given; this keeps one such holder per series, so the operator can set a value
 * after a pass and take a series away when what it measured (a production, a hold reason) is gone.
 */
final class GaugeValues {

    private record Series(String name, Tags tags) {
    }

    private final MeterRegistry registry;
    private final Map<Series, AtomicLong> values = new ConcurrentHashMap<>();

    GaugeValues(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    void set(String name, String help, Tags tags, long value) {
        values.computeIfAbsent(new Series(name, tags), s -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(name, holder, AtomicLong::get).description(help).tags(tags).strongReference(true)
                    .register(registry);
            return holder;
        }).set(value);
    }

    /** Takes away the series of {@code name} whose tags match, from the registry and from here. */
    void remove(String name, Predicate<Tags> which) {
        values.keySet().removeIf(series -> {
            if (!series.name().equals(name) || !which.test(series.tags())) {
                return false;
            }
            registry.remove(new Meter.Id(name, series.tags(), null, null, Meter.Type.GAUGE));
            return true;
        });
    }

    /** Takes away every series, of any meter, tagged {@code key=value}: the gauges here and the registry's counters and timers. */
    void removeTagged(String key, String value) {
        Tag tag = Tag.of(key, value);
        values.keySet().removeIf(series -> series.tags().stream().anyMatch(tag::equals));
        registry.getMeters().stream().filter(m -> m.getId().getTags().contains(tag)).toList().forEach(registry::remove);
    }

    /** The value of tag {@code key}, or empty. */
    static String tag(Tags tags, String key) {
        return tags.stream().filter(t -> t.getKey().equals(key)).findFirst().map(Tag::getValue).orElse("");
    }
}
