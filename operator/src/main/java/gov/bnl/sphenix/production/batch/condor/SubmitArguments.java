package gov.bnl.sphenix.production.batch.condor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Arguments in the submit language's quoted syntax ({@code arguments = "..."}): words separated by
 * spaces; a word with a space or a single quote goes in single quotes, with single quotes doubled;
 * a double quote is doubled.
 */
final class SubmitArguments {

    private SubmitArguments() {
    }

    /** The words, ready to go between the double quotes of {@code arguments = "..."}. */
    static String quote(List<String> words) {
        return words.stream().map(SubmitArguments::word).collect(Collectors.joining(" "));
    }

    private static String word(String word) {
        String escaped = word.replace("\"", "\"\"");
        if (word.isEmpty() || word.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\'')) {
            return "'" + escaped.replace("'", "''") + "'";
        }
        return escaped;
    }
}
