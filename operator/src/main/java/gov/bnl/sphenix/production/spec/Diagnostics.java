package gov.bnl.sphenix.production.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects findings while one spec repository (or file) is read, so that a user sees every
 * problem at once instead of fixing them one run at a time.
 *
 * <p>At most {@value #MAX_PER_FILE} findings are kept per file, then one line says how many more
 * there were: a hostile file cannot flood the report (or the operator's memory). The ones not
 * kept still count, so a file with errors is never taken for a valid one.
 */
public final class Diagnostics {

    public static final int MAX_PER_FILE = 100;

    private final Set<Diagnostic> found = new LinkedHashSet<>();
    private final Map<String, Integer> keptPerFile = new HashMap<>();
    private final Map<String, int[]> notShown = new HashMap<>();
    /** Every error added, shown or not, repeated or not. */
    private int errors;
    private SourceLocation lastRead;

    public void error(SourceLocation at, String message, String fix) {
        add(Diagnostic.error(at, message, fix));
    }

    public void warning(SourceLocation at, String message, String fix) {
        add(Diagnostic.warning(at, message, fix));
    }

    public void add(Diagnostic diagnostic) {
        errors += diagnostic.isError() ? 1 : 0;
        if (found.contains(diagnostic)) {
            return;
        }
        String file = diagnostic.at().file();
        if (keptPerFile.getOrDefault(file, 0) >= MAX_PER_FILE) {
            notShown.computeIfAbsent(file, f -> new int[2])[diagnostic.isError() ? 0 : 1]++;
            return;
        }
        keptPerFile.merge(file, 1, Integer::sum);
        found.add(diagnostic);
    }

    /** Where the reader is: the place to blame if reading fails in a way nobody foresaw. */
    public void reading(SourceLocation at) {
        lastRead = at;
    }

    /** The last place read in {@code file}, if the reader got that far. */
    public Optional<SourceLocation> lastReadIn(String file) {
        return Optional.ofNullable(lastRead).filter(at -> at.file().equals(file));
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    public int errorCount() {
        return errors;
    }

    /**
     * Findings sorted by file, line and column, errors before warnings at the same place; after
     * the last one of a file that had more than {@value #MAX_PER_FILE}, how many were not shown.
     */
    public List<Diagnostic> sorted() {
        List<Diagnostic> sorted = found.stream()
                .sorted(Comparator.comparing((Diagnostic d) -> d.at().file())
                        .thenComparingInt(d -> d.at().line())
                        .thenComparingInt(d -> d.at().column())
                        .thenComparing(Diagnostic::severity))
                .toList();
        List<Diagnostic> shown = new ArrayList<>(sorted.size() + notShown.size());
        for (int i = 0; i < sorted.size(); i++) {
            Diagnostic d = sorted.get(i);
            shown.add(d);
            boolean lastOfFile = i + 1 == sorted.size() || !sorted.get(i + 1).at().file().equals(d.at().file());
            if (lastOfFile && notShown.containsKey(d.at().file())) {
                shown.add(notShownLine(d.at(), notShown.get(d.at().file())));
            }
        }
        return shown;
    }

    private static Diagnostic notShownLine(SourceLocation at, int[] counts) {
        String message = counts[0] > 0 && counts[1] > 0
                ? more(counts[0], "error") + " and " + more(counts[1], "warning") + " not shown"
                : counts[0] > 0 ? more(counts[0], "error") + " not shown" : more(counts[1], "warning") + " not shown";
        String fix = "only the first " + MAX_PER_FILE + " problems of a file are listed; fix these and validate again";
        return counts[0] > 0 ? Diagnostic.error(at, message, fix) : Diagnostic.warning(at, message, fix);
    }

    private static String more(int n, String noun) {
        return n + " more " + noun + (n == 1 ? "" : "s");
    }
}
