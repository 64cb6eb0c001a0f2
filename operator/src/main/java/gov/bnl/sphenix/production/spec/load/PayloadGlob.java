package gov.bnl.sphenix.production.spec.load;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A payload glob as the shell and {@code find} read it in sphenixprod: {@code *} and {@code ?}
 * within one path part, {@code [...]} a character class, and a matched directory taking every file
 * below it. Validation and the payload shelf select with the same rules, so a job ships exactly
 * the files validation looked at.
 */
public final class PayloadGlob {

    private PayloadGlob() {
    }

    /**
     * The files the globs take, in the order the globs are written (within one glob, in the order
     * of {@code files}), each file once.
     */
    public static List<String> taken(List<String> globs, List<String> files) {
        Set<String> taken = new LinkedHashSet<>();
        globs.forEach(glob -> taken.addAll(matching(glob, files)));
        return List.copyOf(taken);
    }

    static List<String> matching(String glob, List<String> files) {
        Pattern pattern = pattern(glob);
        return files.stream().filter(f -> pattern.matcher(f).matches()).toList();
    }

    static Pattern pattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String inside = glob.substring(i + 1, close).replace("\\", "\\\\");
                        regex.append('[').append(inside.startsWith("!") ? "^" + inside.substring(1) : inside).append(']');
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex + "(/.*)?");
    }
}
