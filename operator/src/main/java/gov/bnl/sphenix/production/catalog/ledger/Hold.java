package gov.bnl.sphenix.production.catalog.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One time a job went on hold: when, the batch system's reason and codes, and the memory it had
 * asked for. Kept for every hold, so "held three times for memory, then failed" can be told later.
 */
public record Hold(Instant at, OptionalInt code, OptionalInt subcode, String reason, int requestMib) {

    public Hold {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subcode, "subcode");
        Objects.requireNonNull(reason, "reason");
    }
}
