package gov.bnl.sphenix.production.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the text of a diagnostic safe to print on one line, whatever a spec file holds: control
 * and direction-changing characters are shown as escapes (a value cannot break a line of the
 * report or reorder what a reviewer sees), quoted values are cut to {@value #MAX_QUOTED}
 * characters and the whole text to {@value #MAX_TEXT}.
 */
public final class DiagnosticText {

    static final int MAX_QUOTED = 200;
    static final int MAX_TEXT = 1000;
    private static final String ELLIPSIS = "…";

    /**
     * A value in quotes: the opening quote not glued to a word before it, the closing one not to a
     * word after it, so an apostrophe ("operator's") never pairs with a quote.
     */
    private static final Pattern QUOTED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:'([^']{" + (MAX_QUOTED + 2) + ",})'|\"([^\"]{" + (MAX_QUOTED + 2) + ",})\")"
                    + "(?![\\p{L}\\p{N}])");

    private DiagnosticText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        // the whole text first (linear), so a long value is cut with its closing quote in sight
        String escaped = escape(text);
        Matcher m = QUOTED.matcher(escaped);
        StringBuilder cut = new StringBuilder();
        while (m.find()) {
            String quote = m.group(1) != null ? "'" : "\"";
            String value = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(cut, Matcher.quoteReplacement(quote + cut(value, MAX_QUOTED) + ELLIPSIS + quote));
        }
        m.appendTail(cut);
        return cut.length() > MAX_TEXT ? cut(cut.toString(), MAX_TEXT) + ELLIPSIS : cut.toString();
    }

    /** The first {@code n} characters, one fewer when the n-th would split a surrogate pair. */
    private static String cut(String text, int n) {
        return text.substring(0, Character.isHighSurrogate(text.charAt(n - 1)) ? n - 1 : n);
    }

    /** Control, line-separating and bidirectional-formatting characters as {@code \n}, {@code \t}, {@code \}{@code u202E}. */
    public static String escape(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> invisible(c) ? String.format("\\u%04X", (int) c) : null;
            };
            if (replacement != null && s == null) {
                s = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (s != null) {
                if (replacement != null) {
                    s.append(replacement);
                } else {
                    s.append(c);
                }
            }
        }
        return s == null ? text : s.toString();
    }

    private static boolean invisible(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'                 // line and paragraph separators
                || (c >= '\u202A' && c <= '\u202E')               // embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069')               // isolates
                || c == '\u200E' || c == '\u200F' || c == '\u061C' // direction marks
                || c == '\uFEFF';
    }
}
