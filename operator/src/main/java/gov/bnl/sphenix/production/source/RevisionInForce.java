package gov.bnl.sphenix.production.source;

import gov.bnl.sphenix.production.spec.Diagnostic;
import gov.bnl.sphenix.production.spec.SpecRepository;
import gov.bnl.sphenix.production.spec.ValidationReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The revision in force, applied all-or-nothing. A valid revision replaces the one in force; an
 * invalid one is rejected whole and the previous good revision stays in force, with the errors
 * kept for status. A broken commit therefore never looks like "every production was removed".
 *
 * <p>Not thread-safe: one reconcile loop owns it.
 */
public final class RevisionInForce {

    /** A revision that validated, with what it declares. */
    public record Applied(Revision revision, SpecRepository specs) {
    }

    /** A revision that did not validate, and why. */
    public record Rejected(Revision revision, List<Diagnostic> errors) {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    /** What offering a revision did. */
    public sealed interface Outcome {
        record NowInForce(Applied applied, ProductionChanges changes) implements Outcome {
        }

        record AlreadyInForce(Applied applied) implements Outcome {
        }

        record KeptPrevious(Optional<Applied> inForce, Rejected rejected) implements Outcome {
        }
    }

    private Applied inForce;
    private Rejected lastRejected;

    public Optional<Applied> inForce() {
        return Optional.ofNullable(inForce);
    }

    /** The newest rejected revision, until a later revision is applied. */
    public Optional<Rejected> lastRejected() {
        return Optional.ofNullable(lastRejected);
    }

    public Outcome offer(Revision revision, ValidationReport report) {
        Objects.requireNonNull(revision, "revision");
        if (inForce != null && inForce.revision().commitId().equals(revision.commitId())) {
            return new Outcome.AlreadyInForce(inForce);
        }
        if (!report.valid() || report.repository().isEmpty()) {
            lastRejected = new Rejected(revision, report.errors());
            return new Outcome.KeptPrevious(inForce(), lastRejected);
        }
        SpecRepository specs = report.repository().get();
        ProductionChanges changes = inForce == null
                ? ProductionChanges.between(List.of(), specs.productions())
                : ProductionChanges.between(inForce.specs(), specs);
        inForce = new Applied(revision, specs);
        lastRejected = null;
        return new Outcome.NowInForce(inForce, changes);
    }
}
