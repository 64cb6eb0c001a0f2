package gov.bnl.sphenix.production.k8s;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a production stands, as {@code kubectl describe production X} shows it. Events expire
 * after an hour, so everything a person needs later — hold reasons, the last error, the revision —
 * is kept here. Absent parts read as empty, as they are written.
 *
 * @param lastReconcileTime the pass whose status was last written (a pass that changes nothing writes nothing)
 * @param waiting           runs without jobs by the first reason they wait for ({@code notTransferred: 7})
 * @param waitingSummary    the same in one line, "waiting: 12 runs (7 not transferred, 3 below the run cuts, …)"
 * @param waitingRuns       how many runs wait, whatever the reason: the WAITING column of {@code kubectl get}
 * @param eventsAgainstDaq  the events of the runs done against what the DAQ recorded in them
 */
public record ProductionStatus(Long observedGeneration, String state, String appliedRevision, String lastReconcileTime,
                               JobCounts jobs, RunCursor runs, List<HoldReason> topHoldReasons, List<String> errors,
                               long eventsProduced, long outputsRegistered, Map<String, Long> waiting,
                               String waitingSummary, long waitingRuns, EventsAgainstDaq eventsAgainstDaq,
                               List<Condition> conditions)
        implements TimedStatus<ProductionStatus> {

    /** The status of a production nothing is known of yet. */
    public static final ProductionStatus NONE = new ProductionStatus(null, null, null, null, null, null, null, null, 0, 0,
            null, null, 0, null, null);

    public ProductionStatus {
        jobs = jobs == null ? new JobCounts(0, 0, 0, 0, 0, 0, 0) : jobs;
        runs = runs == null ? new RunCursor(0, 0, null, null) : runs;
        topHoldReasons = topHoldReasons == null ? List.of() : List.copyOf(topHoldReasons);
        errors = errors == null ? List.of() : List.copyOf(errors);
        waiting = waiting == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(waiting));
        eventsAgainstDaq = eventsAgainstDaq == null ? EventsAgainstDaq.NONE : eventsAgainstDaq;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** This status with other conditions, computed from {@code generation}. */
    public ProductionStatus withConditions(long generation, List<Condition> changed) {
        return new ProductionStatus(generation, state, appliedRevision, lastReconcileTime, jobs, runs, topHoldReasons,
                errors, eventsProduced, outputsRegistered, waiting, waitingSummary, waitingRuns, eventsAgainstDaq, changed);
    }

    @Override
    public ProductionStatus untimed() {
        return new ProductionStatus(observedGeneration, state, appliedRevision, null, jobs, runs, topHoldReasons, errors,
                eventsProduced, outputsRegistered, waiting, waitingSummary, waitingRuns, eventsAgainstDaq, conditions);
    }

    /** Jobs of the production by state. */
    public record JobCounts(long submitting, long queued, long running, long held, long finished, long failed,
                            long killed) {
    }

    /** How far through its runs the production is. */
    public record RunCursor(long selected, long done, Integer newestSubmitted, Integer oldestPending) {
    }

    /**
     * The runs whose every job succeeded against the DAQ: events in their outputs (the worst leaf
     * of each run, so a product written per DAQ host compares with the run's count) and events
     * the DAQ recorded, the runs under today's share (0.95) and the first of them by number.
     * {@code prodctl why PRODUCTION} lists every such run.
     */
    public record EventsAgainstDaq(long runsCompared, long eventsProduced, long eventsRecorded, long runsBelowRatio,
                                   List<Integer> firstBelow, String summary) {

        public static final EventsAgainstDaq NONE = new EventsAgainstDaq(0, 0, 0, 0, null, null);

        public EventsAgainstDaq {
            firstBelow = firstBelow == null ? List.of() : List.copyOf(firstBelow);
        }
    }

    /** A hold reason and how many jobs it held. */
    public record HoldReason(String reason, long count) {
    }
}
