package gov.bnl.sphenix.production.control;

/**
 * What one pass did for one production, in numbers: the counters behind the events, for metrics,
 * the demo's summary and tests.
 *
 * @param killedByRemoval jobs killed because the production was removed from the specs
 * @param harvested       finished jobs whose outputs were moved into place and catalogued
 */
public record ProductionActivity(long submitted, long released, long killed, long killedByRemoval, long failed,
                                 long harvested, long outputsRegistered, long eventsRegistered, long outputsDeleted) {

    public static final ProductionActivity NONE = new ProductionActivity(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ProductionActivity plus(ProductionActivity o) {
        return new ProductionActivity(submitted + o.submitted, released + o.released, killed + o.killed,
                killedByRemoval + o.killedByRemoval, failed + o.failed, harvested + o.harvested,
                outputsRegistered + o.outputsRegistered, eventsRegistered + o.eventsRegistered,
                outputsDeleted + o.outputsDeleted);
    }
}
