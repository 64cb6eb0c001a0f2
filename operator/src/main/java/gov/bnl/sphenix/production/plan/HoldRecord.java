package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.Hold;
import java.time.Instant;
import java.util.Objects;

/**
 * A hold the ledger remembers, with when it was seen. A job's hold history is what lets the
 * planner count releases and stop a job that would otherwise loop.
 */
public record HoldRecord(Instant at, Hold hold) {

    public HoldRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(hold, "hold");
    }
}
