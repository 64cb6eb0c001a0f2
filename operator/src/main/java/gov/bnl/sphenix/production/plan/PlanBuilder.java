package gov.bnl.sphenix.production.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects actions into the steps of a plan (see {@link Plan} for why this order). Actions keep
 * the order in which they were added within a step; the planner adds them production by
 * production and key by key, which makes the whole plan deterministic without a final sort.
 */
final class PlanBuilder {

    private enum Step { REPAIR, STOP, RELEASE, DELETE, SUBMIT }

    private final Map<Step, List<Action>> steps = new EnumMap<>(Step.class);
    private final List<String> notes = new ArrayList<>();

    PlanBuilder() {
        for (Step step : Step.values()) {
            steps.put(step, new ArrayList<>());
        }
    }

    void add(Action action) {
        steps.get(stepOf(action)).add(action);
    }

    void note(String note) {
        notes.add(note);
    }

    Plan build(Summary summary) {
        List<Action> actions = new ArrayList<>();
        steps.values().forEach(actions::addAll);
        return new Plan(actions, summary, notes);
    }

    private static Step stepOf(Action action) {
        if (action instanceof Action.Adopt || action instanceof Action.ResetStale) {
            return Step.REPAIR;
        }
        if (action instanceof Action.Kill || action instanceof Action.MarkFailed) {
            return Step.STOP;
        }
        if (action instanceof Action.Release) {
            return Step.RELEASE;
        }
        if (action instanceof Action.DeleteOutputs || action instanceof Action.BlockedDeletion) {
            return Step.DELETE;
        }
        return Step.SUBMIT;
    }
}
