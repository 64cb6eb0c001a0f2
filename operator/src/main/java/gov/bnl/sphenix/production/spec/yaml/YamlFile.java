package gov.bnl.sphenix.production.spec.yaml;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one YAML document into SnakeYAML's node tree, which keeps line and column of every value.
 * Spec files come from pull requests, so the reader is defensive: a size limit, a bound on aliases
 * (an "alias bomb" expands a few lines into gigabytes), a nesting limit, and tabs reported with
 * their position instead of SnakeYAML's cryptic scanner error.
 */
public final class YamlFile {

    public static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 50;

    private YamlFile() {
    }

    public static Optional<Node> parse(String text, String displayName, Diagnostics out) {
        if (text.length() > MAX_BYTES) {
            out.error(SourceLocation.ofFile(displayName), "text is over the limit of " + MAX_BYTES + " characters",
                    "split it into smaller files");
            return Optional.empty();
        }
        if (reportTabs(text, displayName, out)) {
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            List<Node> documents = new ArrayList<>();
            for (Node document : yaml.composeAll(new StringReader(text))) {
                if (document != null) {
                    documents.add(document);
                }
            }
            if (documents.isEmpty()) {
                out.error(SourceLocation.ofFile(displayName), "file is empty", "add the content, or delete the file");
                return Optional.empty();
            }
            if (documents.size() > 1) {
                Mark mark = documents.get(1).getStartMark();
                out.error(at(displayName, mark), "file holds " + documents.size() + " YAML documents",
                        "keep one document per file: move each one after '---' into its own file");
                return Optional.empty();
            }
            return Optional.of(documents.get(0));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation where = mark == null ? SourceLocation.ofFile(displayName) : at(displayName, mark);
            out.error(where, "YAML syntax: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()),
                    syntaxFix(e));
            return Optional.empty();
        } catch (YAMLException e) {
            String message = firstLine(e.getMessage());
            String fix = message.contains("aliases")
                    ? "use at most " + MAX_ALIASES + " aliases to lists or maps; write repeated blocks out"
                    : "fix the YAML structure";
            out.error(SourceLocation.ofFile(displayName), "YAML: " + message, fix);
            return Optional.empty();
        }
    }

    /** The position of a node, 1-based. */
    public static SourceLocation at(String displayName, Mark mark) {
        return new SourceLocation(displayName, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static boolean reportTabs(String text, String displayName, Diagnostics out) {
        boolean found = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '\t') {
                    out.error(new SourceLocation(displayName, i + 1, c + 1), "tab character in indentation",
                            "YAML indents with spaces only: replace the tab with spaces");
                    found = true;
                    break;
                }
                if (ch != ' ') {
                    break;
                }
            }
        }
        return found;
    }

    private static String syntaxFix(MarkedYAMLException e) {
        String problem = String.valueOf(e.getProblem());
        if (problem.contains("mapping values are not allowed")) {
            return "a ':' inside a value needs quotes, or the indentation is off; quote the value or align the key";
        }
        if (problem.contains("could not find expected ':'")) {
            return "each line in a map needs 'key: value'; check the line above for a missing ':' or a stray word";
        }
        if (problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'")) {
            return "close the list with ']' (or the map with '}') and separate items with commas";
        }
        if (problem.contains("found undefined alias")) {
            return "define the anchor (&name) before using the alias (*name)";
        }
        return "fix the YAML syntax at this position";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
