package gov.bnl.sphenix.production.job;

import java.time.Instant;
import java.util.Objects;

/**
 * One time a job went on hold, as the ledger remembers it: when, the batch system's hold, and the
 * memory the job had asked for. Kept for every hold, so the planner can count releases and stop a
 * job that would otherwise loop, and "held three times for memory, then failed" can be told later.
 */
public record HoldRecord(Instant at, Hold hold, int requestMib) {

    public HoldRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(hold, "hold");
    }
}
