package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;

/**
 * How far a readiness scan has come, kept across retries: a scan that fails half-way resumes after
 * the last run it finished instead of handing the same candidates out twice.
 */
final class ScanProgress {

    private final RunOrder order;
    private boolean anyDone;
    private int lastDone;
    private long examined;
    private long ready;
    private long candidates;
    private boolean stopped;
    private long remembered;

    ScanProgress(RunOrder order) {
        this.order = order;
    }

    /** The runs of {@code runs} not yet finished. */
    RunSet remaining(RunSet runs) {
        if (!anyDone) {
            return runs;
        }
        RunSet finished = order == RunOrder.NEWEST_FIRST
                ? RunSet.range(lastDone, Integer.MAX_VALUE)
                : RunSet.range(0, lastDone);
        return runs.minus(finished);
    }

    void runDone(int run, int candidatesOfRun) {
        anyDone = true;
        lastDone = run;
        examined++;
        if (candidatesOfRun > 0) {
            ready++;
        }
    }

    /** The run's candidates came from the memory, its rows were not read. */
    void remembered() {
        remembered++;
    }

    void handedOut() {
        candidates++;
    }

    void stopped() {
        stopped = true;
    }

    boolean isStopped() {
        return stopped;
    }

    ReadinessSummary summary() {
        return new ReadinessSummary(examined, ready, candidates, stopped, remembered);
    }
}
