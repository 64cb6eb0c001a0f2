package gov.bnl.sphenix.production.batch;

/**
 * How a job's script is called; chosen per job.
 *
 * <ul>
 *   <li>{@link #OPERATOR}: the operator's job wrapper runs the script as
 *       {@code <script> <nevents> <input list> <output file> <run> <segment> <histogram file>},
 *       publishes the outputs and writes a manifest (see {@link JobSpecs}).</li>
 *   <li>{@link #SPHENIXPROD}: the batch system runs the script itself with sphenixprod's
 *       seventeen arguments and the job's id ({@link SphenixprodArguments}), with
 *       {@value SphenixprodCall#SCRIPT_PATH} in its environment; the script stages its outputs
 *       out itself, as today's run scripts do.</li>
 * </ul>
 */
public enum JobContract {
    OPERATOR, SPHENIXPROD
}
