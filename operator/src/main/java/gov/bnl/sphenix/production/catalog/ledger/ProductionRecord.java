package gov.bnl.sphenix.production.catalog.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A production as the ledger knows it: the hash of its spec, the git revision that (last) declared
 * it, its state, and for a removed production when and in which revision it was removed.
 */
public record ProductionRecord(String name, String specHash, String revision, ProductionState state, Instant updatedAt,
                               Optional<Instant> removedAt, Optional<String> removedIn) {

    /** A live production's record. */
    public ProductionRecord(String name, String specHash, String revision, ProductionState state, Instant updatedAt) {
        this(name, specHash, revision, state, updatedAt, Optional.empty(), Optional.empty());
    }

    public ProductionRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specHash, "specHash");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(removedAt, "removedAt");
        Objects.requireNonNull(removedIn, "removedIn");
    }
}
