package gov.bnl.sphenix.production.tools.seed;

/** Zero-padded numbers without {@code String.format}, which is slow enough to show when naming ten million files. */
final class Padding {

    private Padding() {
    }

    static StringBuilder append(StringBuilder to, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            to.append('0');
        }
        return to.append(digits);
    }
}
