package gov.bnl.sphenix.production.catalog.readiness;

import java.util.Objects;

/**
 * Why one run of a production stands where it does: the first blocker and its particulars, in a
 * shift person's words ("too short: 143 s, the cut is 300 s"; "ebdc07_1: 3 files at the DAQ not transferred").
 */
public record RunVerdict(int run, WaitReason reason, String detail) {

    public RunVerdict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
