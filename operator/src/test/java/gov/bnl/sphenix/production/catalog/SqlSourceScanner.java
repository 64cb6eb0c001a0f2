package gov.bnl.sphenix.production.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Java source and reports SQL that could have been built from values: an SQL literal that
 * is not a whole {@code static final String} constant, or a JDBC call whose statement argument is
 * anything but a name (a constant, a parameter holding one, or a {@code sql(...)} chooser).
 * A small lexer keeps comments and the insides of literals from confusing either check.
 */
final class SqlSourceScanner {

    /** Upper-case SQL at the start of a literal: how this code base writes every statement. */
    private static final Pattern SQL = Pattern.compile(
            "^\\s*(SELECT|INSERT\\s+INTO|UPDATE\\s+\\w+|DELETE\\s+FROM|WITH\\s+\\w+|COPY\\s+\\w+|CREATE\\s+\\w+"
                    + "|TRUNCATE|VACUUM|ANALYZE|SET\\s+\\w+|RESET\\s+\\w+|DROP\\s+\\w+|ALTER\\s+\\w+|EXPLAIN)\\b");
    private static final Pattern CONSTANT_BEFORE = Pattern.compile("static\\s+final\\s+String\\s+[A-Z][A-Z0-9_]*\\s*=\\s*$");
    private static final Pattern JDBC_CALL = Pattern.compile(
            "\\.(prepareStatement|prepareCall|executeQuery|executeUpdate|executeLargeUpdate|execute|addBatch)\\(|new\\s+(CopyWriter|PGCopyOutputStream)\\(");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|sql\\([A-Za-z0-9_.()]*\\)");

    /** A literal found in the source: where it starts and ends, and its text. */
    private record Literal(int start, int end, String text) {
    }

    private SqlSourceScanner() {
    }

    static List<String> problems(String file, String source) {
        List<Literal> literals = new ArrayList<>();
        String code = blankCommentsAndLiterals(source, literals);
        List<String> problems = new ArrayList<>();
        for (Literal literal : literals) {
            if (!SQL.matcher(literal.text).find()) {
                continue;
            }
            String before = code.substring(0, literal.start);
            String after = code.substring(literal.end).stripLeading();
            if (!CONSTANT_BEFORE.matcher(before).find() || !after.startsWith(";")) {
                problems.add(file + ":" + line(source, literal.start) + ": SQL literal is not a whole constant: "
                        + literal.text.strip().lines().findFirst().orElse(""));
            }
        }
        Matcher call = JDBC_CALL.matcher(code);
        while (call.find()) {
            List<String> arguments = arguments(code, call.end());
            if (arguments.isEmpty()) {
                continue;
            }
            String statement = (call.group(2) != null ? arguments.get(arguments.size() > 1 ? 1 : 0) : arguments.get(0)).strip();
            if (!NAME.matcher(statement).matches()) {
                problems.add(file + ":" + line(source, call.start()) + ": statement built in place: " + statement);
            }
        }
        return problems;
    }

    /** The source with comments and literal contents blanked (same length), collecting the literals. */
    private static String blankCommentsAndLiterals(String source, List<Literal> literals) {
        StringBuilder code = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                blank(code, i, end);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2) + 2;
                blank(code, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3) + 3;
                literals.add(new Literal(i, end, source.substring(i + 3, end - 3)));
                blank(code, i + 1, end - 1);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
                if (c == '"') {
                    literals.add(new Literal(i, end, source.substring(i + 1, end - 1)));
                }
                blank(code, i + 1, end - 1);
                i = end;
            } else {
                i++;
            }
        }
        return code.toString();
    }

    private static void blank(StringBuilder code, int from, int to) {
        for (int i = from; i < to; i++) {
            if (code.charAt(i) != '\n') {
                code.setCharAt(i, ' ');
            }
        }
    }

    /** The top-level, comma-separated arguments of the call whose '(' ends just before {@code open}. */
    private static List<String> arguments(String code, int open) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = open;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                if (i > start || !arguments.isEmpty()) {
                    arguments.add(code.substring(start, i));
                }
                return arguments.stream().filter(a -> !a.isBlank()).toList();
            } else if (c == ',' && depth == 0) {
                arguments.add(code.substring(start, i));
                start = i + 1;
            }
        }
        return arguments;
    }

    private static int line(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(ch -> ch == '\n').count() + 1;
    }
}
