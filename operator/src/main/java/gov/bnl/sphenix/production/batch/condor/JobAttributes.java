package gov.bnl.sphenix.production.batch.condor;

import java.util.List;

/**
 * The ClassAd attributes we put on jobs and read back. The upper-case ones are today's sPHENIX
 * names, kept so that existing monitoring and hand-written {@code condor_q -constraint} still work.
 */
final class JobAttributes {

    /** HTCondor's own: the user a job belongs to. */
    static final String OWNER = "Owner";
    static final String PRODUCTION = "ProdOpProduction";
    static final String JOB_KEY = "ProdOpJobKey";
    static final String TOKEN = "ProdOpToken";
    static final String RERUN_TOKEN = "ProdOpRerunToken";
    static final String DSTTYPE = "DSTTYPE";
    static final String DATASET = "DATASET";
    static final String TAG = "TAG";
    static final String RUN = "RUNNUMBER";
    static final String SEGMENT = "SEGMENT";
    static final String MAX_STARTS = "ProdOpMaxStarts";
    static final String MAX_RUN_SECONDS = "ProdOpMaxRunSeconds";
    static final String MEMORY_EXCEEDED = "ProdOpMemoryExceeded";
    static final String TOO_MANY_STARTS = "ProdOpTooManyStarts";
    static final String RUN_TOO_LONG = "ProdOpRunTooLong";
    /** The rule's own {@code periodichold} expression, beside ours. */
    static final String RULE_HOLD = "ProdOpRuleHold";
    /** The rule's {@code comment}: a note for people reading the queue. */
    static final String COMMENT = "ProdOpComment";

    /**
     * What a query asks for: enough to build a {@code BatchJob} and to check it is ours, nothing more
     * (50k jobs must stay cheap).
     */
    static final List<String> QUERY = List.of("ClusterId", "ProcId", "JobStatus", OWNER, JOB_KEY, TOKEN, RERUN_TOKEN,
            "HoldReasonCode", "HoldReasonSubCode", "HoldReason", "RequestMemory", "MemoryUsage", "ResidentSetSize",
            "NumJobStarts", "QDate", "JobCurrentStartDate", "EnteredCurrentStatus", "ExitCode", "ExitBySignal",
            "ExitSignal");

    private JobAttributes() {
    }
}
