package gov.bnl.sphenix.production.catalog.ledger;

import java.util.List;
import java.util.Objects;

/**
 * A job about to be submitted: its key, its memory request (and rung on the ladder), the revision
 * that asked for it, and the input files it will read (recorded, so that no deletion takes them
 * while it runs).
 */
public record NewJob(LedgerKey key, int memoryRung, int requestMib, String revision, String rerunToken,
                     List<String> inputs) {

    public NewJob {
        Objects.requireNonNull(key, "key");
        inputs = List.copyOf(inputs);
        for (String input : inputs) {
            if (input.indexOf('\n') >= 0) {
                throw new IllegalArgumentException(key + ": input file name with a line break: " + input);
            }
        }
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(rerunToken, "rerunToken");
        if (memoryRung < 0 || requestMib <= 0) {
            throw new IllegalArgumentException("memory rung " + memoryRung + " / request " + requestMib + " MiB");
        }
    }
}
