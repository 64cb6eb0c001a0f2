package gov.bnl.sphenix.production.catalog.ledger;

import java.util.Objects;

/** A job about to be submitted: its key, its memory request (and rung on the ladder), the revision that asked for it. */
public record NewJob(JobKey key, int memoryRung, int requestMib, String revision, String rerunToken) {

    public NewJob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(rerunToken, "rerunToken");
        if (memoryRung < 0 || requestMib <= 0) {
            throw new IllegalArgumentException("memory rung " + memoryRung + " / request " + requestMib + " MiB");
        }
    }
}
