package gov.bnl.sphenix.production.spec.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Suggests the known word nearest to a misspelt one (edit distance), as compilers do for names. */
public final class DidYouMean {

    private DidYouMean() {
    }

    public static Optional<String> nearest(String word, Collection<String> known) {
        String lower = word.toLowerCase(Locale.ROOT);
        Optional<String> extension = known.stream()
                .filter(k -> lower.length() >= 3 && k.toLowerCase(Locale.ROOT).startsWith(lower))
                .min(Comparator.comparingInt(String::length).thenComparing(k -> k));
        if (extension.isPresent()) {
            return extension;
        }
        int limit = Math.max(2, word.length() / 3);
        // lengths further apart than the limit cannot be close: skip the quadratic distance for them
        Optional<String> close = known.stream()
                .filter(k -> Math.abs(k.length() - lower.length()) <= limit)
                .filter(k -> distance(lower, k.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt((String k) -> distance(lower, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(k -> k));
        if (close.isPresent()) {
            return close;
        }
        // Long rule names differ in their tails (Full_TRKR_SEEDS vs Full_TRKR_SEED_run3physics):
        // a shared prefix of most of the word is a better hint than none.
        int needed = Math.max(5, (word.length() * 3 + 4) / 5);
        return known.stream()
                .filter(k -> commonPrefix(lower, k.toLowerCase(Locale.ROOT)) >= needed)
                .max(Comparator.comparingInt((String k) -> commonPrefix(lower, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.comparing((String k) -> k).reversed()));
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** "did you mean 'x'?", or a list of what is allowed when nothing is close. */
    public static String hint(String word, Collection<String> known) {
        return nearest(word, known)
                .map(k -> "did you mean '" + k + "'?")
                .orElse("known keys here: " + String.join(", ", known.stream().sorted().toList()));
    }

    /** Edit distance: how many letters to insert, delete or change to get from one word to the other. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
