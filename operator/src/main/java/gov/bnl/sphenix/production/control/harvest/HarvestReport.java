package gov.bnl.sphenix.production.control.harvest;

/** What one harvest did: jobs closed, outputs newly catalogued, events in them, jobs found failed. */
public record HarvestReport(long jobsHarvested, long outputsRegistered, long eventsRegistered, long jobsFailed) {

    public static final HarvestReport NONE = new HarvestReport(0, 0, 0, 0);

    public HarvestReport plus(HarvestReport o) {
        return new HarvestReport(jobsHarvested + o.jobsHarvested, outputsRegistered + o.outputsRegistered,
                eventsRegistered + o.eventsRegistered, jobsFailed + o.jobsFailed);
    }
}
