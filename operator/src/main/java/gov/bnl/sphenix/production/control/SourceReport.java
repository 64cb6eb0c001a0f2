package gov.bnl.sphenix.production.control;

import gov.bnl.sphenix.production.control.guard.RemovalBlock;
import gov.bnl.sphenix.production.source.ProductionChanges;
import gov.bnl.sphenix.production.source.Revision;
import gov.bnl.sphenix.production.spec.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one look at the specs repository found.
 *
 * @param fetched    the head of the branch, when the fetch worked
 * @param fetchError why the fetch failed; the revision in force keeps running meanwhile
 * @param applied    the revision in force after this look (the last good one)
 * @param rejected   errors of the fetched head when it did not validate (file:line:column each)
 * @param changes    what the newly applied revision changed; empty when nothing new was applied
 * @param blocked    the head is valid but removes too much to be applied unconfirmed: what it would do and
 *                   how to confirm it; the revision in force keeps running meanwhile
 */
public record SourceReport(Optional<Revision> fetched, Optional<String> fetchError, Optional<Revision> applied,
                           List<Diagnostic> rejected, ProductionChanges changes, Optional<RemovalBlock> blocked) {

    public SourceReport {
        Objects.requireNonNull(fetched, "fetched");
        Objects.requireNonNull(fetchError, "fetchError");
        Objects.requireNonNull(applied, "applied");
        rejected = List.copyOf(rejected);
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(blocked, "blocked");
    }

    /** A look whose head was not held back. */
    public SourceReport(Optional<Revision> fetched, Optional<String> fetchError, Optional<Revision> applied,
                        List<Diagnostic> rejected, ProductionChanges changes) {
        this(fetched, fetchError, applied, rejected, changes, Optional.empty());
    }

    /** The head is in force and valid. */
    public boolean ready() {
        return fetchError.isEmpty() && rejected.isEmpty() && blocked.isEmpty() && applied.isPresent();
    }
}
