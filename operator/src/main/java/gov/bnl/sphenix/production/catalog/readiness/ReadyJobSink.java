package gov.bnl.sphenix.production.catalog.readiness;

/**
 * Receives ready jobs as they are found, in the production's run order. Returning {@code false}
 * stops the scan: a planner that may submit 1,000 jobs this pass need not see a million.
 */
@FunctionalInterface
public interface ReadyJobSink {

    boolean accept(ReadyJob job);

    /**
     * Asked of every job this sink accepted, when readiness has a {@link ReadinessMemory}: whether
     * it must be handed out again in later passes while its run's inputs stay unchanged. A caller
     * that knows the job's key is done for good (finished in its ledger) answers {@code false}, so
     * the memory does not hold it and later passes leave it out. By default every job is handed
     * out again: a pass with a memory hands out what a pass without one would.
     */
    default boolean remember(ReadyJob job) {
        return true;
    }
}
