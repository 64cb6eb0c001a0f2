package gov.bnl.sphenix.production.catalog.ledger;

import java.time.Instant;
import java.util.Objects;

/** A production as the ledger knows it: the hash of its spec, the git revision it came from, its state. */
public record ProductionRecord(String name, String specHash, String revision, ProductionState state, Instant updatedAt) {

    public ProductionRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specHash, "specHash");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
