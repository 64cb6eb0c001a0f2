package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one planning pass: actions in the order to carry them out, a summary for status,
 * and notes about what was deliberately not planned. Two plans made from the same input are equal.
 *
 * <p>Order of the actions: first the ledger learns about jobs it missed (adopt, reset), then jobs
 * are stopped (kill, mark failed), held jobs released, outputs deleted, and only then new jobs
 * submitted — so that freed places and deleted outputs are in effect before new jobs arrive.
 * Within a step, live productions come first, by name and key, then removed productions by name.
 *
 * <p>Besides the actions, a plan says what the ledger should record of the live jobs no action
 * touches ({@link JobSeen}) and which removed productions are done ({@link RemovalComplete}); the
 * engine carries these out after the actions.
 */
public record Plan(List<Action> actions, Summary summary, List<String> notes, List<JobSeen> seen,
                   List<RemovalComplete> removalsComplete) {

    public Plan {
        actions = List.copyOf(actions);
        Objects.requireNonNull(summary, "summary");
        notes = List.copyOf(notes);
        seen = List.copyOf(seen);
        removalsComplete = List.copyOf(removalsComplete);
    }

    public <T extends Action> List<T> actionsOf(Class<T> kind) {
        return actions.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Every key this plan submits, in plan order. */
    public List<JobKey> submittedKeys() {
        return actionsOf(Action.Submit.class).stream().flatMap(s -> s.keys().stream()).toList();
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    /** The plan as a person reads it: one line per action, then the notes. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        actions.forEach(a -> text.append(a.describe()).append('\n'));
        notes.forEach(n -> text.append("note: ").append(n).append('\n'));
        return text.toString();
    }
}
