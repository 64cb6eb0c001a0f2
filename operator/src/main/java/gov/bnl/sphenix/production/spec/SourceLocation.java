package gov.bnl.sphenix.production.spec;

import java.util.Objects;

/** A place in a spec file, 1-based as editors count, printed as {@code file:line:column}. */
public record SourceLocation(String file, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** A problem with a whole file (missing, unreadable, too large) rather than a place in it. */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 1, 1);
    }

    @Override
    public String toString() {
        return DiagnosticText.escape(file) + ":" + line + ":" + column;
    }
}
