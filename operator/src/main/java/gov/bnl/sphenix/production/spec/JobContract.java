package gov.bnl.sphenix.production.spec;

/**
 * How a rule's script is called and how its outputs come back; a rule chooses with
 * {@code job.contract} (a production may choose for its rule with {@code spec.contract}), and
 * runs in sphenixprod's by default: rules are written in sphenixprod's short format, and the
 * collaboration's scripts run unchanged. The operator's own contract is for new scripts.
 *
 * <ul>
 *   <li>{@link #OPERATOR}: the operator's job wrapper runs the script as
 *       {@code <script> <nevents> <input list> <output file> <run> <segment> <histogram file>},
 *       publishes the outputs and writes a manifest ({@code batch.JobSpecs}).</li>
 *   <li>{@link #SPHENIXPROD}: the batch system runs the script itself with sphenixprod's
 *       seventeen arguments and the job's id ({@code batch.SphenixprodArguments}), with
 *       {@code SPHENIXPROD_SCRIPT_PATH} in its environment; the script stages its outputs out
 *       itself, as today's run scripts do, and a raw-data combiner writes every segment of its
 *       (run, host) in one job.</li>
 * </ul>
 */
public enum JobContract {
    OPERATOR, SPHENIXPROD;

    /**
     * Segments a downstream script in sphenixprod's contract may roll over into per segment it
     * reads: today's clustering ({@code run_rolloverjob0.sh}, its {@code segmultiplier}) writes
     * 10s … 10s+9 from streaming segment s.
     */
    public static final int ROLLOVER_SEGMENTS = 10;

    /** The word a rule file writes for it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
