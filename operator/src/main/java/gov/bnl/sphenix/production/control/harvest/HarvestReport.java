package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.HashSet;
import java.util.Set;

/**
 * What one harvest did: jobs closed, outputs newly catalogued, events in them, jobs found failed,
 * and the keys held back: an earlier attempt's staged files could not be set aside, and a new
 * attempt under the same dbid would be credited with them, so the key must not run again yet.
 */
public record HarvestReport(long jobsHarvested, long outputsRegistered, long eventsRegistered, long jobsFailed,
                            Set<JobKey> heldBack) {

    public static final HarvestReport NONE = new HarvestReport(0, 0, 0, 0);

    public HarvestReport {
        heldBack = Set.copyOf(heldBack);
    }

    public HarvestReport(long jobsHarvested, long outputsRegistered, long eventsRegistered, long jobsFailed) {
        this(jobsHarvested, outputsRegistered, eventsRegistered, jobsFailed, Set.of());
    }

    public HarvestReport plus(HarvestReport o) {
        Set<JobKey> keys = new HashSet<>(heldBack);
        keys.addAll(o.heldBack);
        return new HarvestReport(jobsHarvested + o.jobsHarvested, outputsRegistered + o.outputsRegistered,
                eventsRegistered + o.eventsRegistered, jobsFailed + o.jobsFailed, keys);
    }
}
