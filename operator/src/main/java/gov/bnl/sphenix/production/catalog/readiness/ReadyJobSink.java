package gov.bnl.sphenix.production.catalog.readiness;

/**
 * Receives ready jobs as they are found, in the production's run order. Returning {@code false}
 * stops the scan: a planner that may submit 1,000 jobs this pass need not see a million.
 */
@FunctionalInterface
public interface ReadyJobSink {

    boolean accept(ReadyJob job);
}
