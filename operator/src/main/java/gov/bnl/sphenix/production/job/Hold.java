package gov.bnl.sphenix.production.job;

import java.util.List;
import java.util.Objects;

/**
 * Why a job is held: HTCondor's {@code HoldReasonCode}, {@code HoldReasonSubCode} and
 * {@code HoldReason}, kept verbatim. Our submit descriptions hold jobs through
 * {@code periodic_hold}, which HTCondor reports with code 3 and the subcode we choose; the local
 * executor reports the same codes, so the planner recognises a hold the same way on both.
 */
public record Hold(int code, int subcode, String reason) {

    /** HTCondor's code for a hold put by a {@code periodic_hold} expression. */
    public static final int PERIODIC_HOLD = 3;
    /** HTCondor's code for a hold put by a person or a tool ({@code condor_hold}). */
    public static final int BY_USER = 1;
    /** Our subcode: memory usage above the request. */
    public static final int MEMORY_EXCEEDED = 34;
    /** Our subcode: started more often than the policy allows (restarts after eviction). */
    public static final int TOO_MANY_STARTS = 35;
    /** Our subcode: running longer than the policy allows. */
    public static final int RUN_TIME_EXCEEDED = 36;
    /** HTCondor's own memory policy: code 21 (job policy), subcode 102 (memory exceeded). */
    public static final int CONDOR_JOB_POLICY = 21;
    public static final int CONDOR_MEMORY_SUBCODE = 102;
    /** Out of memory in a cgroup. */
    public static final int CONDOR_OUT_OF_MEMORY = 34;
    /**
     * HTCondor's code for a hold by the pool's own system policy ({@code SYSTEM_PERIODIC_HOLD}),
     * which the SDCC pools use to hold a job over its memory; sphenixprod resubmits those with
     * more memory too.
     */
    public static final int SYSTEM_POLICY = 26;

    public Hold {
        Objects.requireNonNull(reason, "reason");
    }

    public static Hold memoryExceeded(long usageMib, long requestMib) {
        return new Hold(PERIODIC_HOLD, MEMORY_EXCEEDED, memoryReason(usageMib, requestMib));
    }

    public static Hold runTimeExceeded(long seconds, long maxSeconds) {
        return new Hold(PERIODIC_HOLD, RUN_TIME_EXCEEDED, "running for " + seconds + " s, longer than the maximum of "
                + maxSeconds + " s");
    }

    /** The reason text of a memory hold; the HTCondor submit description builds the same sentence. */
    public static String memoryReason(long usageMib, long requestMib) {
        return "memory usage " + usageMib + " MB exceeded request_memory " + requestMib + " MB";
    }

    /**
     * The holds that mean "give it more memory": ours (3/34), HTCondor's default memory policy
     * (21/102), a cgroup out-of-memory kill (34), or the pool's system policy (26, SDCC's memory
     * hold). The planner's default memory holds are this list.
     */
    public static final List<HoldSignature> MEMORY_HOLDS = List.of(
            new HoldSignature(CONDOR_JOB_POLICY, CONDOR_MEMORY_SUBCODE), new HoldSignature(PERIODIC_HOLD, MEMORY_EXCEEDED),
            HoldSignature.anySubcode(CONDOR_OUT_OF_MEMORY), HoldSignature.anySubcode(SYSTEM_POLICY));

    public boolean isMemoryExceeded() {
        return MEMORY_HOLDS.stream().anyMatch(signature -> signature.matches(this));
    }

    @Override
    public String toString() {
        return "code " + code + "/" + subcode + (reason.isEmpty() ? "" : ": " + reason);
    }
}
