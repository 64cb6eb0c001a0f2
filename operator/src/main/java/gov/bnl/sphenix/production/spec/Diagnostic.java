package gov.bnl.sphenix.production.spec;

import java.util.Objects;

/**
 * One finding of validation: where, what is wrong, and how to fix it. Printed the way compilers
 * print, so editors and CI logs turn it into a link:
 * {@code productions/calo.yaml:12:10: error: runs is one string "72500 75000" — write [72500, 75000]}.
 */
public record Diagnostic(Severity severity, SourceLocation at, String message, String fix) {

    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        // messages quote values from pull requests: one line each, of a readable length
        message = DiagnosticText.clean(Objects.requireNonNull(message, "message"));
        fix = DiagnosticText.clean(fix);
    }

    public static Diagnostic error(SourceLocation at, String message, String fix) {
        return new Diagnostic(Severity.ERROR, at, message, fix);
    }

    public static Diagnostic warning(SourceLocation at, String message, String fix) {
        return new Diagnostic(Severity.WARNING, at, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return at + ": " + severity.label() + ": " + message + (fix.isEmpty() ? "" : " — " + fix);
    }
}
