package gov.bnl.sphenix.production.spec.names;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag triplet that names a production's outputs: {@code <build>_<cdbtag>_<version>},
 * for example {@code ana523_2025p007_v001}.
 *
 * <p>Rule files write the build with a dot ({@code ana.523}) and the version as an integer; the
 * triplet drops the dot and pads the version to three digits. Version {@code v000} is reserved for
 * nightly ({@code new}) builds, so that a number-zero tag always means "not a release".
 */
public record Tag(String build, String dbtag, int version) {

    /** The build as written in rule files: {@code new}, or letters, an optional dot, digits. */
    private static final Pattern BUILD = Pattern.compile("new|([a-z]+)\\.?([0-9]+)");
    /** A CDB tag: {@code 2025p007}, {@code nocdbtag}, {@code newcdbtag}, ... — lower-case letters and digits only. */
    private static final Pattern DBTAG = Pattern.compile("[0-9]{4}p[0-9]{3}|[a-z][a-z0-9]*");
    private static final Pattern TRIPLET = Pattern.compile("(new|[a-z]+[0-9]+)_([a-z0-9]+)_v([0-9]{3})");

    public Tag {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(dbtag, "dbtag");
        String problem = problem(build, dbtag, version);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        build = compactBuild(build);
    }

    /** Builds a tag from rule-file values; throws with a readable reason when they are not valid. */
    public static Tag of(String build, String dbtag, int version) {
        return new Tag(build, dbtag, version);
    }

    /**
     * Why these values cannot form a tag, or {@code null} when they can. Validation uses this to
     * report problems with a location instead of an exception.
     */
    public static String problem(String build, String dbtag, int version) {
        if (build == null || !BUILD.matcher(build).matches()) {
            return "build '" + build + "' is not a build name: use 'new' or a release such as 'ana.523'";
        }
        if (dbtag == null || !DBTAG.matcher(dbtag).matches()) {
            return "dbtag '" + dbtag + "' is not a CDB tag: use a tag such as '2025p007' or 'nocdbtag'"
                    + " (lower-case letters and digits, no '_' or '-')";
        }
        if (version < 0 || version > 999) {
            return "version " + version + " is out of range: use 0 to 999";
        }
        if (version == 0 && !"new".equals(build)) {
            return "version 0 (v000) is reserved for 'new' builds: use version 1 or higher for build '" + build + "'";
        }
        return null;
    }

    /** {@code ana.523} → {@code ana523}; {@code new} stays {@code new}. */
    public static String compactBuild(String build) {
        return build.replace(".", "");
    }

    /** Parses a triplet such as {@code ana523_2025p007_v001}. */
    public static Tag parse(String triplet) {
        Matcher m = TRIPLET.matcher(triplet == null ? "" : triplet);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + triplet + "' is not a tag triplet like ana523_2025p007_v001");
        }
        return new Tag(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
    }

    /** True when the text is a well-formed triplet. */
    public static boolean isTriplet(String text) {
        if (text == null || !TRIPLET.matcher(text).matches()) {
            return false;
        }
        Matcher m = TRIPLET.matcher(text);
        m.matches();
        return problem(m.group(1), m.group(2), Integer.parseInt(m.group(3))) == null;
    }

    public String versionString() {
        return "v" + OutputFile.zeroPadded(version, 3);
    }

    @Override
    public String toString() {
        return build + "_" + dbtag + "_" + versionString();
    }
}
