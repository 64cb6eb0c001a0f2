package gov.bnl.sphenix.production.batch;

import gov.bnl.sphenix.production.spec.names.CharacterRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The sPHENIX script a job runs and its arguments. Arguments travel through HTCondor's submit
 * language, which cannot carry a line break and would expand {@code $(...)} as a macro, so those
 * are refused here rather than mangled there.
 */
public record Payload(Path script, List<String> arguments) {

    public Payload {
        Objects.requireNonNull(script, "script");
        arguments = List.copyOf(arguments);
        if (!script.isAbsolute()) {
            throw new IllegalArgumentException("the payload script must be an absolute path: " + script);
        }
        checkSubmittable(script.toString());
        arguments.forEach(Payload::checkSubmittable);
    }

    static void checkSubmittable(String word) {
        CharacterRules.submitArgumentProblem(word).ifPresent(problem -> {
            throw new IllegalArgumentException("a job argument " + problem + ": '" + word + "'");
        });
    }
}
