package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell-style brace expansion for host lists, so the catalogue says {@code ebdc{00..23}_{0..1}}
 * instead of 48 names: {@code {00..23}} keeps the zero padding of its start, {@code {a,b}} lists.
 *
 * <p>One instance expands the patterns of one file, within a budget for the whole file: a list of
 * a few hundred bytes of ranges could otherwise become millions of names, and as many messages.
 * Past the budget the file gets one error and the rest of its patterns are not expanded.
 */
final class BraceExpansion {

    /** Names one file may expand to in all; the real catalogue has under a hundred. */
    static final int MAX_PER_FILE = 10_000;

    private static final Pattern BRACE = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern RANGE = Pattern.compile("([0-9]+)\\.\\.([0-9]+)");
    /** A pattern with braces: host and detector names are short, and each expanded name is this long. */
    static final int MAX_PATTERN_LENGTH = 100;
    /** Brace groups in one pattern; each is a level of recursion. */
    static final int MAX_GROUPS = 20;
    /** Nine digits always fit an int. */
    private static final int MAX_DIGITS = 9;
    private static final String FORMS = "write ranges like {00..23} and lists like {0,1}";

    private final Diagnostics out;
    private int left = MAX_PER_FILE;
    private boolean exhausted;

    BraceExpansion(Diagnostics out) {
        this.out = out;
    }

    /** The names {@code pattern} stands for; none when it is malformed or the file's budget is spent (reported at {@code at}). */
    List<String> expand(String pattern, SourceLocation at) {
        if (exhausted) {
            return List.of();
        }
        if (pattern.length() > MAX_PATTERN_LENGTH && pattern.indexOf('{') >= 0) {
            out.error(at, "'" + pattern + "' is too long to expand (" + pattern.length() + " characters)",
                    FORMS + " in names of at most " + MAX_PATTERN_LENGTH + " characters");
            return List.of();
        }
        if (pattern.chars().filter(c -> c == '{').count() > MAX_GROUPS) {
            out.error(at, "'" + pattern + "' has more than " + MAX_GROUPS + " brace groups", FORMS + ", fewer of them");
            return List.of();
        }
        try {
            List<String> names = expand(pattern, left);
            left -= names.size();
            return names;
        } catch (OverBudget e) {
            exhausted = true;
            out.error(at, "brace ranges in this file expand to more than " + MAX_PER_FILE + " names; the rest are"
                    + " not expanded", FORMS + ", fewer of them: one file may name at most " + MAX_PER_FILE);
        } catch (IllegalArgumentException e) {
            out.error(at, e.getMessage(), FORMS);
        }
        return List.of();
    }

    private static List<String> expand(String pattern, int budget) {
        Matcher m = BRACE.matcher(pattern);
        if (!m.find()) {
            if (budget < 1) {
                throw new OverBudget();
            }
            return List.of(pattern);
        }
        String before = pattern.substring(0, m.start());
        String after = pattern.substring(m.end());
        List<String> result = new ArrayList<>();
        for (String alternative : alternatives(m.group(1), budget)) {
            for (String rest : expand(after, budget - result.size())) {
                result.add(before + alternative + rest);
            }
        }
        return result;
    }

    private static List<String> alternatives(String inside, int budget) {
        Matcher range = RANGE.matcher(inside);
        if (range.matches()) {
            String from = range.group(1);
            String to = range.group(2);
            if (from.length() > MAX_DIGITS || to.length() > MAX_DIGITS) {
                throw new IllegalArgumentException("{" + inside + "} counts beyond " + "9".repeat(MAX_DIGITS));
            }
            int first = Integer.parseInt(from);
            int last = Integer.parseInt(to);
            if (last < first) {
                throw new IllegalArgumentException("{" + inside + "} counts downwards");
            }
            if (last - first >= budget) {
                throw new OverBudget();
            }
            String format = from.length() > 1 && from.startsWith("0") ? "%0" + from.length() + "d" : "%d";
            List<String> values = new ArrayList<>();
            for (int i = first; i <= last; i++) {
                values.add(String.format(format, i));
            }
            return values;
        }
        if (inside.contains(",")) {
            return List.of(inside.split(",", -1));
        }
        throw new IllegalArgumentException("{" + inside + "} is neither a range {00..23} nor a list {a,b}");
    }

    /** The file's budget is spent. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }
}
