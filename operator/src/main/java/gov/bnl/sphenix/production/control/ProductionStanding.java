package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.plan.Tally;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one production stands after a pass: what {@code prodctl status} prints and what the
 * Kubernetes operator publishes on the production's resource. Everything a person needs later —
 * hold reasons, the last errors, the revision — is here, because events expire.
 *
 * @param jobs            job keys by where they stand
 * @param runsSelected    runs the production declares
 * @param runsDone        runs whose every job key succeeded
 * @param newestSubmitted the newest run with a job submitted so far
 * @param oldestPending   the oldest run with a job key still to be done
 * @param topHoldReasons  reasons of jobs held now, most frequent first
 * @param eventsProduced  events in registered outputs
 * @param errors          what went wrong in the last pass, newest first
 * @param waiting         runs without jobs, by the first reason they wait for ({@code prodctl why} tells each)
 * @param eventsAgainstDaq the events of the runs done against the DAQ's count ({@code prodctl why} lists the runs)
 */
public record ProductionStanding(String production, String dsttype, String dataset, String tag, State state,
                               String revision, Instant observedAt, Map<Tally, Long> jobs, long runsSelected,
                               long runsDone, Optional<Integer> newestSubmitted, Optional<Integer> oldestPending,
                               Map<String, Long> topHoldReasons, long eventsProduced, long outputsRegistered,
                               List<String> errors, WaitingCounts waiting, DaqComparison eventsAgainstDaq) {

    /** The production's phase, in the words of the production team. */
    public enum State {
        /** declared, nothing submitted yet (inputs not ready, or submit: off) */
        WAITING,
        /** jobs queued, running or ready to submit */
        PROGRESSING,
        /** every selected job key succeeded or failed for good */
        COMPLETE,
        /** the last pass could not act (unreachable queue or catalog); retrying */
        STALLED,
        /** removed from the specs; its jobs are being killed and its outputs handled per policy */
        REMOVING
    }

    public ProductionStanding {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(state, "state");
        EnumMap<Tally, Long> counts = new EnumMap<>(Tally.class);
        counts.putAll(jobs);
        jobs = Collections.unmodifiableMap(counts);
        topHoldReasons = Collections.unmodifiableMap(new LinkedHashMap<>(topHoldReasons));
        errors = List.copyOf(errors);
        waiting = waiting == null ? WaitingCounts.NONE : waiting;
        eventsAgainstDaq = eventsAgainstDaq == null ? DaqComparison.NONE : eventsAgainstDaq;
    }

    /** A standing whose runs were not compared with the DAQ (a status from before they were). */
    public ProductionStanding(String production, String dsttype, String dataset, String tag, State state,
                              String revision, Instant observedAt, Map<Tally, Long> jobs, long runsSelected,
                              long runsDone, Optional<Integer> newestSubmitted, Optional<Integer> oldestPending,
                              Map<String, Long> topHoldReasons, long eventsProduced, long outputsRegistered,
                              List<String> errors, WaitingCounts waiting) {
        this(production, dsttype, dataset, tag, state, revision, observedAt, jobs, runsSelected, runsDone,
                newestSubmitted, oldestPending, topHoldReasons, eventsProduced, outputsRegistered, errors, waiting,
                DaqComparison.NONE);
    }

    /** A standing whose waiting runs were not counted (a stalled pass, a status from before they were). */
    public ProductionStanding(String production, String dsttype, String dataset, String tag, State state,
                              String revision, Instant observedAt, Map<Tally, Long> jobs, long runsSelected,
                              long runsDone, Optional<Integer> newestSubmitted, Optional<Integer> oldestPending,
                              Map<String, Long> topHoldReasons, long eventsProduced, long outputsRegistered,
                              List<String> errors) {
        this(production, dsttype, dataset, tag, state, revision, observedAt, jobs, runsSelected, runsDone,
                newestSubmitted, oldestPending, topHoldReasons, eventsProduced, outputsRegistered, errors,
                WaitingCounts.NONE, DaqComparison.NONE);
    }

    public long count(Tally tally) {
        return jobs.getOrDefault(tally, 0L);
    }

    /** Job keys whose job waits in the batch queue to start. */
    public long queued() {
        return count(Tally.QUEUED);
    }

    /** Job keys handed to the batch system that have not started: submission unconfirmed, or queued. */
    public long submittingOrQueued() {
        return count(Tally.SUBMITTING) + count(Tally.QUEUED);
    }

    public long total() {
        return jobs.values().stream().mapToLong(Long::longValue).sum();
    }
}
