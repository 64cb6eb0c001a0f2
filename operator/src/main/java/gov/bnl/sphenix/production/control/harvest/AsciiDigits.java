package gov.bnl.sphenix.production.control.harvest;

/**
 * Whether part of a name is ASCII digits only, as the patterns {@code [0-9]} and {@code \d} meant
 * before names were read by position ({@link Character#isDigit} would also take other scripts'
 * digits, which no job writes).
 */
final class AsciiDigits {

    private AsciiDigits() {
    }

    /** Whether {@code text} holds only '0'-'9' from {@code from} (inclusive) to {@code to} (exclusive). */
    static boolean only(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
