package gov.bnl.sphenix.production.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's metrics, as the engine reports them, in a Micrometer registry that also takes
 * JOSDK's reconciler metrics and the JVM's, all scraped from one {@code /metrics}. Names and labels
 * are fixed here so that the chart's dashboard and alerts can rely on them (docs/operations.md
 * lists them; a test checks that every name the chart queries is one a pass exports). Micrometer
 * names are dotted and become Prometheus names on the scrape: {@code prodop.submissions} is
 * {@code prodop_submissions_total}, {@code prodop.reconcile.duration} is
 * {@code prodop_reconcile_duration_seconds}.
 */
public final class OperatorMetrics {

    /** A pass over a small production takes milliseconds, one that waits on a busy schedd minutes. */
    static final Duration[] PASS_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ofSeconds(300)};

    private static final String JOBS = "prodop.jobs";
    private static final String HELD = "prodop.held.jobs";
    private static final String STATE = "prodop.production.state";
    private static final String SOURCE_STATE = "prodop.source.state";

    private final PrometheusMeterRegistry registry;
    private final GaugeValues gauges;

    public OperatorMetrics() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        gauges = new GaugeValues(registry);
        // the operator's own health beside its work: heap, threads, CPU and uptime of the process
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The registry, for JOSDK's metrics to join. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * The job counts of a production after a pass; every state of the enum is set, zero included,
     * so a state that empties drops to 0 instead of keeping its last value.
     */
    public <E extends Enum<E>> void jobs(String production, Class<E> states, Map<E, Long> counts) {
        for (E state : states.getEnumConstants()) {
            gauges.set(JOBS, "Job keys of a production by state, as of its last pass.",
                    Tags.of("production", production, "state", word(state)), counts.getOrDefault(state, 0L));
        }
    }

    /** Jobs held now by reason; a reason no job is held for any more leaves the scrape. */
    public void holds(String production, Map<String, Long> byReason) {
        gauges.remove(HELD, tags -> production.equals(GaugeValues.tag(tags, "production"))
                && !byReason.containsKey(GaugeValues.tag(tags, "reason")));
        byReason.forEach((reason, n) -> gauges.set(HELD, "Jobs of a production held now, by hold reason.",
                Tags.of("production", production, "reason", reason), n));
    }

    /** The production's phase: 1 for the one it is in, 0 for the others. */
    public <E extends Enum<E>> void state(String production, E state) {
        for (E each : state.getDeclaringClass().getEnumConstants()) {
            gauges.set(STATE, "1 for the phase a production is in (waiting, progressing, complete, stalled, removing).",
                    Tags.of("production", production, "state", word(each)), each == state ? 1 : 0);
        }
    }

    /**
     * Events in the outputs of the runs a production finished against the events the DAQ recorded
     * in them, and how many of those runs hold less than today's share.
     */
    public void eventsAgainstDaq(String production, long runs, long produced, long recorded, long runsBelowRatio) {
        Tags tags = Tags.of("production", production);
        gauges.set("prodop.daq.runs.compared", "Runs a production finished, compared with the DAQ's event count.", tags,
                runs);
        gauges.set("prodop.daq.events.produced", "Events in the outputs of the runs compared (a per-leaf product:"
                + " its worst leaf per run).", tags, produced);
        gauges.set("prodop.daq.events.recorded", "Events the DAQ recorded in the runs compared.", tags, recorded);
        gauges.set("prodop.daq.runs.below.ratio", "Runs compared whose outputs hold less than 0.95 of the DAQ's"
                + " events.", tags, runsBelowRatio);
    }

    /**
     * How the head of a source's branch stands: 1 for its state (applied, rejected, blocked, …), 0
     * for the others. Its fetch failures start at 0 here, so that a first failure is an increase.
     */
    public <E extends Enum<E>> void source(String source, E state) {
        fetchFailures(source);
        for (E each : state.getDeclaringClass().getEnumConstants()) {
            gauges.set(SOURCE_STATE, "1 for how the head of a source's branch stands (applied, rejected, blocked,"
                    + " unreachable, suspended).", Tags.of("source", source, "state", word(each)), each == state ? 1 : 0);
        }
    }

    /** The global queue budget of a source's engine and the jobs counted against it after the last pass. */
    public void queueBudget(String source, long budget, long used) {
        Tags tags = Tags.of("source", source);
        gauges.set("prodop.queue.budget.jobs", "Jobs queued or running that a source's productions may have at once.",
                tags, budget);
        gauges.set("prodop.queue.budget.used.jobs", "Jobs of a source's productions counted against its queue budget"
                + " (submitting, queued or running) after the last pass.", tags, used);
    }

    /** Time a production's reconcile took, including a pass of the engine when it ran one. */
    public void reconciled(String production, Duration took) {
        Timer.builder("prodop.reconcile.duration").description("Time one reconcile of a production took.")
                .tag("production", production).serviceLevelObjectives(PASS_BUCKETS).register(registry).record(took);
    }

    /** Time one engine pass over every production of a source took. */
    public void passed(String source, Duration took) {
        Timer.builder("prodop.pass.duration").description("Time one engine pass over a source's productions took.")
                .tag("source", source).serviceLevelObjectives(PASS_BUCKETS).register(registry).record(took);
    }

    public void submitted(String production, long count) {
        counter("prodop.submissions", "Jobs submitted to the batch system.", Tags.of("production", production))
                .increment(count);
    }

    /** Jobs that ended for good in a pass: succeeded (harvested) or failed. */
    public void finished(String production, long succeeded, long failed) {
        String help = "Jobs that ended for good: succeeded (outputs in place and catalogued) or failed.";
        counter("prodop.jobs.finished", help, Tags.of("production", production, "state", "succeeded"))
                .increment(succeeded);
        counter("prodop.jobs.finished", help, Tags.of("production", production, "state", "failed")).increment(failed);
    }

    public void harvested(String production, long files) {
        counter("prodop.harvested.files", "Output files registered in the FileCatalog.", Tags.of("production", production))
                .increment(files);
    }

    public void fetchFailed(String source) {
        fetchFailures(source).increment();
    }

    private Counter fetchFailures(String source) {
        return counter("prodop.fetch.failures", "Failed fetches of a production source's git repository.",
                Tags.of("source", source));
    }

    /** A production that is gone (its resource deleted) stops being reported. */
    public void forget(String production) {
        gauges.removeTagged("production", production);
    }

    private Counter counter(String name, String help, Tags tags) {
        return Counter.builder(name).description(help).tags(tags).register(registry);
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
