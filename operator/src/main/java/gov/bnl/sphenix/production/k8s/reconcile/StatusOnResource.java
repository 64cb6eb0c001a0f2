package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.readiness.WaitingCounts;
import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.k8s.Condition;
import gov.bnl.sphenix.production.k8s.ConditionReason;
import gov.bnl.sphenix.production.k8s.Conditions;
import gov.bnl.sphenix.production.k8s.ProductionStatus;
import gov.bnl.sphenix.production.plan.Tally;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The engine's status of a production as its resource shows it, and the wording of the three
 * conditions: {@code Ready} — the last pass worked; {@code Progressing} — jobs are queued, running
 * or about to be; {@code Stalled} — the last pass could not act, and why. Computes only; the
 * {@link StatusRecorder} writes.
 */
final class StatusOnResource {

    private StatusOnResource() {
    }

    /** What the resource's status becomes after a pass that reported {@code from}; {@code before} gives the conditions' history. */
    static ProductionStatus of(ProductionStanding from, ProductionStatus before, long generation, Instant now) {
        var jobs = new ProductionStatus.JobCounts(from.count(Tally.SUBMITTING),
                from.count(Tally.QUEUED), from.count(Tally.RUNNING), from.count(Tally.HELD),
                from.count(Tally.SUCCEEDED) + from.count(Tally.COMPLETED), from.count(Tally.FAILED),
                from.count(Tally.KILLED));
        var runs = new ProductionStatus.RunCursor(from.runsSelected(), from.runsDone(),
                from.newestSubmitted().orElse(null), from.oldestPending().orElse(null));
        return new ProductionStatus(generation,
                from.state().name().toLowerCase(Locale.ROOT), from.revision(), Conditions.timestamp(now), jobs, runs,
                from.topHoldReasons().entrySet().stream()
                        .map(e -> new ProductionStatus.HoldReason(e.getKey(), e.getValue()))
                        .toList(),
                from.errors(), from.eventsProduced(), from.outputsRegistered(), waiting(from.waiting()),
                from.waiting().summary(), from.waiting().total(), eventsAgainstDaq(from.eventsAgainstDaq()),
                conditions(from, before.conditions(), generation, now));
    }

    /** The counts by reason under the names scripts read ({@code notTransferred}), in the order a shift person checks. */
    private static Map<String, Long> waiting(WaitingCounts counts) {
        Map<String, Long> byKey = new LinkedHashMap<>();
        counts.byReason().forEach((reason, n) -> byKey.put(reason.key(), n));
        return byKey;
    }

    private static ProductionStatus.EventsAgainstDaq eventsAgainstDaq(DaqComparison daq) {
        return new ProductionStatus.EventsAgainstDaq(daq.runsCompared(), daq.eventsProduced(), daq.eventsRecorded(),
                daq.runsBelowRatio(), daq.firstBelow(), daq.summary());
    }

    private static List<Condition> conditions(ProductionStanding from, List<Condition> conditions, long generation,
                                              Instant now) {
        boolean stalled = from.state() == ProductionStanding.State.STALLED;
        ConditionReason state = ConditionReason.valueOf(from.state().name());
        boolean removing = from.state() == ProductionStanding.State.REMOVING;
        conditions = Conditions.set(conditions, Conditions.READY, stalled || removing ? "False" : "True", state,
                removing ? "removed from the specs: its jobs are killed and its removal policy applied; " + summary(from)
                        : summary(from), generation, now);
        boolean moving = from.state() == ProductionStanding.State.PROGRESSING || from.state() == ProductionStanding.State.REMOVING;
        conditions = Conditions.set(conditions, Conditions.PROGRESSING, moving ? "True" : "False", state,
                moving ? from.submittingOrQueued() + from.count(Tally.RUNNING) + " jobs queued or running, " + from.count(Tally.READY)
                        + " ready to submit" : "nothing queued or waiting to be submitted", generation, now);
        return Conditions.set(conditions, Conditions.STALLED, stalled ? "True" : "False",
                stalled ? ConditionReason.STALLED : ConditionReason.RECONCILING,
                stalled ? String.join("; ", first(from.errors())) : "the last pass worked", generation, now);
    }

    private static String summary(ProductionStanding s) {
        return s.count(Tally.SUCCEEDED) + " finished, " + s.count(Tally.RUNNING) + " running, " + s.count(Tally.HELD)
                + " held, " + s.count(Tally.FAILED) + " failed; " + s.outputsRegistered() + " outputs, "
                + s.eventsProduced() + " events";
    }

    private static List<String> first(List<String> errors) {
        return errors.isEmpty() ? List.of("no reason given") : errors.subList(0, Math.min(3, errors.size()));
    }
}
