package gov.bnl.sphenix.production.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects findings while one spec repository (or file) is read, so that a user sees every
 * problem at once instead of fixing them one run at a time.
 */
public final class Diagnostics {

    private final List<Diagnostic> found = new ArrayList<>();

    public void error(SourceLocation at, String message, String fix) {
        found.add(Diagnostic.error(at, message, fix));
    }

    public void warning(SourceLocation at, String message, String fix) {
        found.add(Diagnostic.warning(at, message, fix));
    }

    public void add(Diagnostic diagnostic) {
        found.add(diagnostic);
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) found.stream().filter(Diagnostic::isError).count();
    }

    /** Findings sorted by file, line and column, errors before warnings at the same place. */
    public List<Diagnostic> sorted() {
        return found.stream()
                .sorted(Comparator.comparing((Diagnostic d) -> d.at().file())
                        .thenComparingInt(d -> d.at().line())
                        .thenComparingInt(d -> d.at().column())
                        .thenComparing(Diagnostic::severity))
                .distinct()
                .toList();
    }
}
