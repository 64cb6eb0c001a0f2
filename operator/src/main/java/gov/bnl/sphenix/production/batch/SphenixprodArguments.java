package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.spec.ArgumentOrder;
import gov.bnl.sphenix.production.spec.names.CharacterRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The argument vector of a job in sphenixprod's calling convention: the values of
 * {@link ArgumentOrder#NAMES}, in that order, then the job's id. sphenixprod joins its template
 * with spaces, so no value it passes holds white space; neither may ours. A value that could not
 * travel (white space, a line break, a submit-language macro, nothing at all) is refused, never
 * changed.
 */
public record SphenixprodArguments(Map<String, String> values, long dbid) {

    public SphenixprodArguments {
        values = new LinkedHashMap<>(values);
        if (!List.copyOf(values.keySet()).equals(ArgumentOrder.NAMES)) {
            throw new IllegalArgumentException("the arguments must be exactly " + ArgumentOrder.NAMES + " in order, got "
                    + values.keySet());
        }
        values.forEach(SphenixprodArguments::check);
        values = Collections.unmodifiableMap(values);
    }

    /** The vector the script is called with: seventeen values and the id. */
    public List<String> vector() {
        List<String> vector = new ArrayList<>(values.values());
        vector.add(Long.toString(dbid));
        return vector;
    }

    public String get(String name) {
        return Objects.requireNonNull(values.get(name), name);
    }

    private static void check(String name, String value) {
        Objects.requireNonNull(value, name);
        CharacterRules.submitArgumentProblem(value).ifPresent(problem -> {
            throw new IllegalArgumentException("argument " + name + " " + problem + ": '" + value + "'");
        });
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("argument " + name + " must be one word without white space, got '"
                    + value + "'");
        }
    }
}
