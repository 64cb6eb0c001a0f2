package gov.bnl.sphenix.production.catalog.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One action the operator took, kept for people: what, on what, why, under which revision. */
public record AuditEntry(Instant at, Optional<String> production, String action, String subject, String detail,
                         String revision) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(action, "action");
        subject = subject == null ? "" : subject;
        detail = detail == null ? "" : detail;
        revision = revision == null ? "" : revision;
    }
}
