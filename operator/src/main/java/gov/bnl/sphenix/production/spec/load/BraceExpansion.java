package gov.bnl.sphenix.production.spec.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell-style brace expansion for host lists, so the catalogue says {@code ebdc{00..23}_{0..1}}
 * instead of 48 names: {@code {00..23}} keeps the zero padding of its start, {@code {a,b}} lists.
 */
final class BraceExpansion {

    private static final Pattern BRACE = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern RANGE = Pattern.compile("([0-9]+)\\.\\.([0-9]+)");
    static final int MAX_EXPANSION = 10_000;

    private BraceExpansion() {
    }

    static List<String> expand(String pattern) {
        Matcher m = BRACE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String before = pattern.substring(0, m.start());
        String after = pattern.substring(m.end());
        List<String> alternatives = alternatives(m.group(1));
        List<String> result = new ArrayList<>();
        for (String alternative : alternatives) {
            for (String rest : expand(after)) {
                result.add(before + alternative + rest);
                if (result.size() > MAX_EXPANSION) {
                    throw new IllegalArgumentException("'" + pattern + "' expands to more than " + MAX_EXPANSION + " names");
                }
            }
        }
        return result;
    }

    private static List<String> alternatives(String inside) {
        Matcher range = RANGE.matcher(inside);
        if (range.matches()) {
            String from = range.group(1);
            int first = Integer.parseInt(from);
            int last = Integer.parseInt(range.group(2));
            if (last < first || last - first > MAX_EXPANSION) {
                throw new IllegalArgumentException("{" + inside + "} must count upwards by at most " + MAX_EXPANSION);
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
}
