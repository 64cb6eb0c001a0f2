package gov.bnl.sphenix.production.spec;

import gov.bnl.sphenix.production.spec.ProductionIdentity.Difference;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Refuses a production that changes its identity in place. A production's jobs are keyed by its
 * name, so a new tag under the old name would find the old tag's finished jobs and take them for
 * its own: nothing of the new tag would ever run. A new tag is a new production, declared next to
 * the old one, and the old one is removed in its own commit, where its removal policy says what
 * happens to its jobs and outputs.
 *
 * <p>The one check for every place a change is reviewed or applied: {@code prodctl validate --base},
 * {@code prodctl plan} and the operator following the specs repository. Productions added or
 * removed are not its business.
 */
public final class InPlaceIdentityCheck {

    private InPlaceIdentityCheck() {
    }

    /** A production declared in both revisions whose identity differs. */
    public record IdentityChange(Production before, Production after, List<Difference> differences) {

        public IdentityChange {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            differences = List.copyOf(differences);
            if (differences.isEmpty()) {
                throw new IllegalArgumentException("production " + after.name() + " keeps its identity");
            }
        }

        public String name() {
            return after.name();
        }

        /** {@code dbtag 2025p007 -> 2025p008, version 1 -> 2}. */
        public String describe() {
            return differences.stream().map(Difference::describe).collect(Collectors.joining(", "));
        }

        /**
         * A name for the new production: the old one with the first changed value in place of the
         * old value when the name carries it ({@code calo-2025p007} → {@code calo-2025p008}), else
         * appended ({@code calo} → {@code calo-2025p008}).
         */
        public String suggestedName() {
            Difference first = differences.get(0);
            String before = namepart(first, first.before());
            String after = namepart(first, first.after());
            String name = after().name();
            return !before.isEmpty() && name.contains(before) ? name.replace(before, after) : name + "-" + after;
        }

        /** "tag" when only the tag changes, else "identity": the words of the messages. */
        String oldWhat() {
            boolean tagOnly = differences.stream().allMatch(d -> d.field() == ProductionIdentity.Field.BUILD
                    || d.field() == ProductionIdentity.Field.DBTAG || d.field() == ProductionIdentity.Field.VERSION);
            return tagOnly ? "tag" : "identity";
        }

        private static String namepart(Difference d, String value) {
            String part = d.field() == ProductionIdentity.Field.VERSION
                    ? String.format(Locale.ROOT, "v%03d", Integer.parseInt(value)) : value;
            return part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        }
    }

    /**
     * The error for a production declared again, with another identity, while the removal of the
     * one it was is still under way: its old jobs may still be in the queue under the same keys.
     */
    public static Diagnostic whileRemoving(IdentityChange change, SourceLocation at) {
        return Diagnostic.error(at, "production " + change.name() + " is declared again with another identity ("
                        + change.describe() + ") while the removal of the old one is still under way: the new one"
                        + " would take the old " + change.oldWhat() + "'s jobs for its own",
                "wait until the removal of " + change.name() + " is complete (prodctl status no longer lists it),"
                        + " or declare the new values under a new name (e.g. " + change.suggestedName() + ")");
    }

    /** The productions of {@code head} that {@code base} declares with another identity, in head's order. */
    public static List<IdentityChange> changes(Collection<Production> base, Collection<Production> head) {
        Map<String, Production> before = base.stream().collect(Collectors.toMap(Production::name, Function.identity(),
                (a, b) -> a));
        List<IdentityChange> changes = new ArrayList<>();
        for (Production after : head) {
            Production was = before.get(after.name());
            if (was == null) {
                continue;
            }
            List<Difference> differences = ProductionIdentity.of(was).changesTo(ProductionIdentity.of(after));
            if (!differences.isEmpty()) {
                changes.add(new IdentityChange(was, after, differences));
            }
        }
        return changes;
    }

    /**
     * One error per production of {@code head} whose identity differs from {@code base}'s, at the
     * first changed value as {@code headTree} writes it.
     */
    public static List<Diagnostic> check(Collection<Production> base, Collection<Production> head, SpecTree headTree) {
        IdentityLocations locations = new IdentityLocations(headTree);
        return changes(base, head).stream().map(c -> error(c, locations.of(c.before(), c.after(),
                c.differences().get(0).field()))).toList();
    }

    /** As {@link #check(Collection, Collection, SpecTree)} without the files: each error at its rule. */
    public static List<Diagnostic> check(Collection<Production> base, Collection<Production> head) {
        return changes(base, head).stream().map(c -> error(c, c.after().rule().at())).toList();
    }

    /** The error for one change, at {@code at}. */
    public static Diagnostic error(IdentityChange change, SourceLocation at) {
        return Diagnostic.error(at, "production " + change.name() + " changes its identity in place ("
                        + change.describe() + "): jobs of the old " + change.oldWhat() + " would count as done for"
                        + " the new one",
                "declare a new production (e.g. " + change.suggestedName() + ") with the new values, and remove "
                        + change.name() + " in its own commit (its removal policy decides what happens to its jobs"
                        + " and outputs)");
    }
}
