package gov.bnl.sphenix.production.plan;

import java.util.Objects;

/**
 * Why the batch system holds a job: HTCondor's {@code HoldReasonCode}, {@code HoldReasonSubCode}
 * and {@code HoldReason}. Kept verbatim for status and accounting.
 */
public record Hold(int code, int subcode, String reason) {

    public Hold {
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code code 21/102: memory usage exceeded request_memory}. */
    @Override
    public String toString() {
        return "code " + code + "/" + subcode + (reason.isEmpty() ? "" : ": " + reason);
    }
}
