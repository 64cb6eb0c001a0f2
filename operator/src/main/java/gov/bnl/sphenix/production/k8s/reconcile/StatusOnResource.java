package gov.bnl.sphenix.production.k8s.reconcile;

import gov.bnl.sphenix.production.control.ProductionStanding;
import gov.bnl.sphenix.production.k8s.Conditions;
import gov.bnl.sphenix.production.k8s.ProductionStatus;
import gov.bnl.sphenix.production.plan.Tally;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Copies the engine's status of a production onto its resource, and words the three conditions:
 * {@code Ready} — the last pass worked; {@code Progressing} — jobs are queued, running or about to
 * be; {@code Stalled} — the last pass could not act, and why.
 */
final class StatusOnResource {

    private StatusOnResource() {
    }

    static void copy(ProductionStanding from, ProductionStatus to, long generation,
                     Instant now) {
        to.setObservedGeneration(generation);
        to.setState(from.state().name().toLowerCase(Locale.ROOT));
        to.setAppliedRevision(from.revision());
        to.setLastReconcileTime(Conditions.timestamp(now));
        var jobs = to.getJobs();
        jobs.setSubmitting(from.count(Tally.SUBMITTING));
        jobs.setQueued(from.queued());
        jobs.setRunning(from.count(Tally.RUNNING));
        jobs.setHeld(from.count(Tally.HELD));
        jobs.setFinished(from.count(Tally.SUCCEEDED) + from.count(Tally.COMPLETED));
        jobs.setFailed(from.count(Tally.FAILED));
        jobs.setKilled(from.count(Tally.KILLED));
        var runs = to.getRuns();
        runs.setSelected(from.runsSelected());
        runs.setDone(from.runsDone());
        runs.setNewestSubmitted(from.newestSubmitted().orElse(null));
        runs.setOldestPending(from.oldestPending().orElse(null));
        to.setTopHoldReasons(from.topHoldReasons().entrySet().stream()
                .map(e -> new ProductionStatus.HoldReason(e.getKey(), e.getValue()))
                .toList());
        to.setErrors(from.errors());
        to.setEventsProduced(from.eventsProduced());
        to.setOutputsRegistered(from.outputsRegistered());
        conditions(from, to, generation, now);
    }

    private static void conditions(ProductionStanding from, ProductionStatus to,
                                   long generation, Instant now) {
        var conditions = to.getConditions();
        boolean stalled = from.state() == ProductionStanding.State.STALLED;
        String state = from.state().name().charAt(0) + from.state().name().substring(1).toLowerCase(Locale.ROOT);
        boolean removing = from.state() == ProductionStanding.State.REMOVING;
        Conditions.set(conditions, Conditions.READY, stalled || removing ? "False" : "True", state,
                removing ? "removed from the specs: its jobs are killed and its removal policy applied; " + summary(from)
                        : summary(from), generation, now);
        boolean moving = from.state() == ProductionStanding.State.PROGRESSING || from.state() == ProductionStanding.State.REMOVING;
        Conditions.set(conditions, Conditions.PROGRESSING, moving ? "True" : "False", state,
                moving ? from.submittingOrQueued() + from.count(Tally.RUNNING) + " jobs queued or running, " + from.count(Tally.READY)
                        + " ready to submit" : "nothing queued or waiting to be submitted", generation, now);
        Conditions.set(conditions, Conditions.STALLED, stalled ? "True" : "False", stalled ? "PassFailed" : "Reconciling",
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
