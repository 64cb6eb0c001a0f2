package gov.bnl.sphenix.production.spec.names;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One directory of a rule's {@code filesystem} block, as sphenixprod writes it:
 * {@code /sphenix/data/data03/sphnxpro/{prodmode}/{period}/{physicsmode}/{outtriplet}/{leafdir}/{rungroup}/log}.
 *
 * <p>A spec file comes from any pull request, so the template is held to what keeps productions
 * apart and inside the trees the operator may write: an absolute path, no {@code .} or {@code ..}
 * step, and {@code {period}}, {@code {outtriplet}} and {@code {leafdir}} somewhere in it, so that
 * two productions never share a directory (the operator deletes and renames in these directories,
 * and must never do so in another production's). The values filled in are names without a
 * {@code /}, so a filled path stays below the template's fixed {@link #prefix()}; whether that
 * prefix is a tree this operator writes is the site's decision ({@link Layout#forRule}).
 */
public record DirectoryTemplate(String text) {

    /** The placeholders a directory may use, filled per job. */
    public static final Set<String> PLACEHOLDERS = Set.of("prodmode", "period", "physicsmode", "outtriplet", "leafdir",
            "rungroup");

    /** Without these, two productions could be given one directory. */
    public static final Set<String> REQUIRED = Set.of("period", "outtriplet", "leafdir");

    /** sphenixprod's {@code prodmode} outside its test mode: the word the collaboration's paths carry. */
    public static final String PRODMODE = "production";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]*)}");
    private static final Pattern PATH_CHARACTERS = Pattern.compile("[A-Za-z0-9._+/{}-]+");

    public DirectoryTemplate {
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("directory '" + text + "' " + problem.get());
        }
    }

    /** What is wrong with a template, in words that follow its text; empty when it is usable. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is empty");
        }
        if (!PATH_CHARACTERS.matcher(text).matches()) {
            return Optional.of("may hold only letters, digits, '.', '_', '+', '-', '/' and {placeholders}");
        }
        if (!text.startsWith("/")) {
            return Optional.of("is not an absolute path: a worker node starts elsewhere");
        }
        for (String step : text.substring(1).split("/", -1)) {
            if (step.isEmpty() || step.equals(".") || step.equals("..")) {
                return Optional.of("has an empty, '.' or '..' step: write the directory as it is");
            }
        }
        Set<String> used = placeholders(text);
        Optional<String> unknown = used.stream().filter(p -> !PLACEHOLDERS.contains(p)).findFirst();
        if (unknown.isPresent()) {
            return Optional.of("uses {" + unknown.get() + "}, which a directory cannot use; it may use "
                    + String.join(", ", PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList()));
        }
        Optional<String> missing = REQUIRED.stream().sorted().filter(p -> !used.contains(p)).findFirst();
        if (missing.isPresent()) {
            return Optional.of("lacks {" + missing.get() + "}: without {period}, {outtriplet} and {leafdir} two"
                    + " productions could write into one directory");
        }
        String literal = PLACEHOLDER.matcher(text).replaceAll("");
        if (literal.contains("{") || literal.contains("}")) {
            return Optional.of("has an unmatched '{' or '}'");
        }
        return Optional.empty();
    }

    /** The fixed part before the first placeholder, up to its last {@code /}: every filled path is below it. */
    public Path prefix() {
        int brace = text.indexOf('{');
        String fixed = brace < 0 ? text : text.substring(0, text.lastIndexOf('/', brace));
        return Path.of(fixed.isEmpty() ? "/" : fixed);
    }

    /**
     * The directory for one job. Each value must be a name (no {@code /}, not {@code .} or {@code ..}),
     * which keeps the result below {@link #prefix()}.
     */
    public Path fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isEmpty() || value.contains("/") || value.equals(".") || value.equals("..")) {
                throw new IllegalArgumentException("{" + m.group(1) + "} of '" + text + "' cannot be '" + value + "'");
            }
            m.appendReplacement(s, Matcher.quoteReplacement(value));
        }
        m.appendTail(s);
        return Path.of(s.toString());
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
