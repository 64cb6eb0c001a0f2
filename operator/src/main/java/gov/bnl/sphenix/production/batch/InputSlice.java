package gov.bnl.sphenix.production.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one job's input list is: a byte range of the input bundle its submission wrote. Printed
 * {@code <bundle>@<offset>+<length>} on the wrapper's command line.
 */
public record InputSlice(Path bundle, long offset, int length) {

    public InputSlice {
        Objects.requireNonNull(bundle, "bundle");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("an input slice has a non-negative offset and length: " + offset + "+" + length);
        }
    }

    public static InputSlice parse(String text) {
        int at = text.lastIndexOf('@');
        int plus = text.lastIndexOf('+');
        if (at < 1 || plus < at) {
            throw new IllegalArgumentException("'" + text + "' is not an input slice like /log/inputs-x.bundle@120+64");
        }
        try {
            return new InputSlice(Path.of(text.substring(0, at)), Long.parseLong(text.substring(at + 1, plus)),
                    Integer.parseInt(text.substring(plus + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an input slice like /log/inputs-x.bundle@120+64", e);
        }
    }

    @Override
    public String toString() {
        return bundle + "@" + offset + "+" + length;
    }
}
