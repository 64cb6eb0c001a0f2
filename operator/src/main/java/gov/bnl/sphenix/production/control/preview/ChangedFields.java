package gov.bnl.sphenix.production.control.preview;

import gov.bnl.sphenix.production.spec.SourceLocation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which fields of a production differ between two revisions, named by their path in the resolved
 * spec ({@code runs}, {@code memory}, {@code rule.job.nevents}, {@code rule.params.tag}). It walks
 * the records the spec is made of, so a field added to the spec one day is compared without
 * anyone remembering to list it here.
 */
public final class ChangedFields {

    /**
     * Deep enough for production, rule, and the rule's parts; below that a value is named whole, as
     * is a value of one field (a memory ladder is {@code memory}, not {@code memory.rungsMib}).
     */
    private static final int DEPTH = 3;

    private ChangedFields() {
    }

    /** The differing fields, in declaration order; empty when the two are equal. */
    public static List<String> between(Record before, Record after) {
        List<String> changed = new ArrayList<>();
        compare("", before, after, DEPTH, changed);
        return List.copyOf(changed);
    }

    private static void compare(String prefix, Record before, Record after, int depth, List<String> changed) {
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (component.getType() == SourceLocation.class) {
                // where a value is written is not what it is: moving a line changes nothing
                continue;
            }
            Object was = value(component, before);
            Object is = value(component, after);
            if (Objects.equals(was, is)) {
                continue;
            }
            String name = prefix + component.getName();
            if (depth > 1 && was instanceof Record r1 && is instanceof Record r2 && r1.getClass() == r2.getClass()
                    && r1.getClass().getRecordComponents().length > 1) {
                int found = changed.size();
                compare(name + ".", r1, r2, depth - 1, changed);
                if (changed.size() > found) {
                    continue;
                }
            }
            changed.add(name);
        }
    }

    private static Object value(RecordComponent component, Record of) {
        try {
            return component.getAccessor().invoke(of);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + of.getClass().getSimpleName(), e);
        }
    }
}
