package gov.bnl.sphenix.production.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's metrics, as the engine reports them. Names and labels are fixed here so that
 * dashboards and alerts can rely on them (docs/operations.md lists them).
 */
public final class OperatorMetrics {

    /** Seconds: a pass over a small production takes milliseconds, one that waits on a busy schedd minutes. */
    static final double[] RECONCILE_SECONDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    private final MetricsRegistry registry;
    private final Gauge jobs;
    private final Histogram reconcileDuration;
    private final Counter submissions;
    private final Counter harvestedFiles;
    private final Counter fetchFailures;

    public OperatorMetrics(MetricsRegistry registry) {
        this.registry = registry;
        jobs = registry.gauge("prodop_jobs", "Job keys of a production by state, as of its last pass.",
                "production", "state");
        reconcileDuration = registry.histogram("prodop_reconcile_duration_seconds",
                "Time one reconcile pass of a production took.", RECONCILE_SECONDS, "production");
        submissions = registry.counter("prodop_submissions_total", "Jobs submitted to the batch system.",
                "production");
        harvestedFiles = registry.counter("prodop_harvested_files_total",
                "Output files registered in the FileCatalog.", "production");
        fetchFailures = registry.counter("prodop_fetch_failures_total",
                "Failed fetches of a production source's git repository.", "source");
    }

    public MetricsRegistry registry() {
        return registry;
    }

    /**
     * The job counts of a production after a pass; every state of the enum is set, zero included,
     * so a state that empties drops to 0 instead of keeping its last value.
     */
    public <E extends Enum<E>> void jobs(String production, Class<E> states, Map<E, Long> counts) {
        for (E state : states.getEnumConstants()) {
            jobs.set(counts.getOrDefault(state, 0L), production, state.name().toLowerCase(Locale.ROOT));
        }
    }

    public void reconciled(String production, Duration took) {
        reconcileDuration.observe(took.toNanos() / 1e9, production);
    }

    public void submitted(String production, long count) {
        submissions.inc(count, production);
    }

    public void harvested(String production, long files) {
        harvestedFiles.inc(files, production);
    }

    public void fetchFailed(String source) {
        fetchFailures.inc(source);
    }

    /** A production that is gone (its resource deleted) stops being reported. */
    public void forget(String production) {
        registry.removeSeries("production", production);
    }
}
