package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects actions into the steps of a plan (see {@link Plan} for why this order). Actions keep
 * the order in which they were added within a step; the planner adds them production by
 * production and key by key, which makes the whole plan deterministic without a final sort.
 */
final class PlanBuilder {

    private enum Step { REPAIR, STOP, RELEASE, DELETE, SUBMIT }

    private final Map<Step, List<Action>> steps = new EnumMap<>(Step.class);
    private final List<String> notes = new ArrayList<>();
    private final List<JobSeen> seen = new ArrayList<>();
    private final List<RemovalComplete> removalsComplete = new ArrayList<>();

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

    void seen(JobSeen job) {
        seen.add(job);
    }

    void removalComplete(RemovalComplete removal) {
        removalsComplete.add(removal);
    }

    /** Whether some action of the plan so far is for {@code production}. */
    boolean acts(String production) {
        return steps.values().stream().flatMap(List::stream).map(Action::production).anyMatch(production::equals);
    }

    /** The plan; a sighting of a key that an action touches is dropped, that action records the key. */
    Plan build(Summary summary) {
        List<Action> actions = new ArrayList<>();
        steps.values().forEach(actions::addAll);
        Set<JobKey> touched = new HashSet<>();
        actions.forEach(a -> touched.addAll(a.keys()));
        return new Plan(actions, summary, notes, seen.stream().filter(s -> !touched.contains(s.key())).toList(),
                removalsComplete);
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
