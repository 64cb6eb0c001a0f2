package gov.bnl.sphenix.production.spec.load;

import java.util.regex.Pattern;

/**
 * A payload glob as the shell and {@code find} read it in sphenixprod: {@code *} and {@code ?}
 * within one path part, {@code [...]} a character class, and a matched directory taking every file
 * below it.
 */
final class PayloadGlob {

    private PayloadGlob() {
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
