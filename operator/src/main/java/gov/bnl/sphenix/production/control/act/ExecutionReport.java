package gov.bnl.sphenix.production.control.act;

import java.util.List;
import java.util.Map;

/**
 * What carrying out a plan did, per production: jobs submitted, released, killed, failed, outputs
 * deleted, and what went wrong. A plan stops at the first failure of the batch system or the
 * ledger; the rest waits for the next pass, which plans again from what is then true.
 */
public record ExecutionReport(Map<String, Counts> byProduction, List<String> errors) {

    public ExecutionReport {
        byProduction = Map.copyOf(byProduction);
        errors = List.copyOf(errors);
    }

    public Counts of(String production) {
        return byProduction.getOrDefault(production, Counts.NONE);
    }

    public record Counts(long submitted, long released, long killed, long failed, long adopted, long outputsDeleted) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(submitted + o.submitted, released + o.released, killed + o.killed, failed + o.failed,
                    adopted + o.adopted, outputsDeleted + o.outputsDeleted);
        }
    }
}
