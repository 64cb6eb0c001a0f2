package gov.bnl.sphenix.production.spec.names;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which characters each kind of name may hold, in one place: the validator refuses a spec value
 * with the same rule that the batch side would refuse it with when it builds a job, so a value
 * that validates can always be submitted (and one that cannot is refused in the pull request,
 * with its line, instead of failing a pass of the engine).
 */
public final class CharacterRules {

    /** Products (dsttypes) and leaves: {@code DST_TRKR_CLUSTER}, {@code ebdc07_1}. */
    private static final Pattern PRODUCT = Pattern.compile("[A-Za-z0-9]+(_[A-Za-z0-9]+)*");
    /** Datasets: {@code run3auau}, {@code run3line_laser}. */
    private static final Pattern DATASET = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    /** Run types (the rule's physicsmode): {@code physics}, {@code line_laser}; a level of the directory tree. */
    private static final Pattern RUNTYPE = Pattern.compile("[a-z][a-z_]*");
    /**
     * One word of a submit description: a batch name, an accounting group, a token. These go into
     * ClassAd string literals and the submit language's item lists, where a space, a quote, a
     * comma or a {@code $(} would change what the line means.
     */
    private static final Pattern SUBMIT_WORD = Pattern.compile("[A-Za-z0-9._:+-]+");

    /** What {@link #isSubmitWord} accepts, for messages. */
    public static final String SUBMIT_WORD_CHARACTERS = "letters, digits, '.', '_', ':', '+' or '-'";

    private CharacterRules() {
    }

    public static boolean isProduct(String name) {
        return name != null && PRODUCT.matcher(name).matches();
    }

    public static boolean isDataset(String name) {
        return name != null && DATASET.matcher(name).matches();
    }

    public static boolean isRuntype(String name) {
        return name != null && RUNTYPE.matcher(name).matches();
    }

    /** A non-empty word made of {@link #SUBMIT_WORD_CHARACTERS}. */
    public static boolean isSubmitWord(String word) {
        return word != null && SUBMIT_WORD.matcher(word).matches();
    }

    /**
     * Why a job argument cannot travel through the submit language, or empty when it can: a line
     * break ends the line it is on, and {@code $(} starts a macro that HTCondor would expand.
     */
    public static Optional<String> submitArgumentProblem(String argument) {
        if (argument.indexOf('\n') >= 0 || argument.indexOf('\r') >= 0) {
            return Optional.of("cannot contain a line break");
        }
        if (argument.contains("$(")) {
            return Optional.of("cannot contain '$(' (a submit-language macro)");
        }
        return Optional.empty();
    }
}
