package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.LedgerState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The runs of a production's ledger rows, each done when every job key of the run succeeded: the
 * run cursor of its status, and the runs compared with the DAQ's event count. Rows are added one
 * by one, as the ledger hands them out.
 */
public final class RunsDone {

    private final TreeMap<Integer, Boolean> done = new TreeMap<>();

    public static RunsDone of(Iterable<LedgerJob> jobs) {
        RunsDone runs = new RunsDone();
        jobs.forEach(runs::add);
        return runs;
    }

    public void add(LedgerJob job) {
        done.merge(job.key().job().run(), job.state() == LedgerState.SUCCEEDED, Boolean::logicalAnd);
    }

    /** The runs whose every job succeeded, in run order. */
    public List<Integer> produced() {
        return done.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    /** The newest run with any job. */
    public Optional<Integer> newest() {
        return done.isEmpty() ? Optional.empty() : Optional.of(done.lastKey());
    }

    /** The oldest run with a job key still to be done. */
    public Optional<Integer> oldestPending() {
        return done.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).findFirst();
    }
}
