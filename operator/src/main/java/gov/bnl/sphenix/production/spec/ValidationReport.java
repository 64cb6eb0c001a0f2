package gov.bnl.sphenix.production.spec;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading specs: every finding, and the repository when there was no error.
 *
 * @param filesRead how many spec files were read, so "0 files, 0 errors" is not mistaken for success
 */
public record ValidationReport(Optional<SpecRepository> repository, List<Diagnostic> diagnostics, int filesRead) {

    public ValidationReport {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean valid() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
