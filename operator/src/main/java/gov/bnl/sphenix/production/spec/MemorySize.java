package gov.bnl.sphenix.production.spec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory as people write it in rule files — {@code 2048M}, {@code 2 GB}, {@code 4GB},
 * {@code 4096MB}, {@code 3.5 GiB}, or a bare number of MB as HTCondor reads it — normalised to MiB.
 * Like HTCondor, "MB" and "GB" mean powers of 1024.
 */
public final class MemorySize {

    private static final Pattern SIZE = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*", Pattern.CASE_INSENSITIVE);

    /** Below this a value is a typo (a lost unit, "2,5GB"), not a request. */
    static final int MIN_MIB = 32;

    private MemorySize() {
    }

    /** MiB for the text, or throws with a message that says what is accepted. */
    public static int parseMib(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a memory size: write e.g. 4096MB, 4 GB or 2048M");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "mb" : m.group(2).toLowerCase(Locale.ROOT);
        double mib = switch (unit.charAt(0)) {
            case 'k' -> value / 1024;
            case 'm' -> value;
            case 'g' -> value * 1024;
            case 't' -> value * 1024 * 1024;
            default -> throw new IllegalStateException("unit " + unit);
        };
        long rounded = (long) Math.ceil(mib);
        if (rounded < MIN_MIB) {
            throw new IllegalArgumentException("'" + text.trim() + "' is " + rounded + " MB, too little for any job: "
                    + "is a unit missing? Write e.g. 2 GB (and a decimal point is '.', not ',')");
        }
        if (rounded > 4L * 1024 * 1024) {
            throw new IllegalArgumentException("'" + text + "' is over 4 TB: a unit is probably wrong (MB vs GB)");
        }
        return (int) rounded;
    }
}
