package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.job.JobKey;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one harvest did: jobs closed, outputs newly catalogued, events in them, jobs found failed,
 * the keys held back (an earlier attempt's staged files could not be set aside, and a new attempt
 * under the same dbid would be credited with them, so the key must not run again yet), and the
 * jobs whose outputs wait in staging because the final tree's file system is full, by directory.
 */
public record HarvestReport(long jobsHarvested, long outputsRegistered, long eventsRegistered, long jobsFailed,
                            Set<JobKey> heldBack, Map<Path, Long> waitingForSpace) {

    public static final HarvestReport NONE = new HarvestReport(0, 0, 0, 0);

    public HarvestReport {
        heldBack = Set.copyOf(heldBack);
        waitingForSpace = Map.copyOf(waitingForSpace);
    }

    public HarvestReport(long jobsHarvested, long outputsRegistered, long eventsRegistered, long jobsFailed) {
        this(jobsHarvested, outputsRegistered, eventsRegistered, jobsFailed, Set.of(), Map.of());
    }

    public HarvestReport(long jobsHarvested, long outputsRegistered, long eventsRegistered, long jobsFailed,
                         Set<JobKey> heldBack) {
        this(jobsHarvested, outputsRegistered, eventsRegistered, jobsFailed, heldBack, Map.of());
    }

    public HarvestReport plus(HarvestReport o) {
        Set<JobKey> keys = new HashSet<>(heldBack);
        keys.addAll(o.heldBack);
        Map<Path, Long> waiting = new TreeMap<>(waitingForSpace);
        o.waitingForSpace.forEach((dir, n) -> waiting.merge(dir, n, Long::sum));
        return new HarvestReport(jobsHarvested + o.jobsHarvested, outputsRegistered + o.outputsRegistered,
                eventsRegistered + o.eventsRegistered, jobsFailed + o.jobsFailed, keys, waiting);
    }

    /**
     * The production's trouble in the shift's words, when its final tree is full: {@code harvest of
     * X waits for space: no space left in /sphenix/lustre01/...; 12 finished jobs' outputs stay in
     * staging until there is}.
     */
    public Optional<String> spaceTrouble(String production) {
        if (waitingForSpace.isEmpty()) {
            return Optional.empty();
        }
        long jobs = waitingForSpace.values().stream().mapToLong(Long::longValue).sum();
        return Optional.of("harvest of " + production + " waits for space: no space left in "
                + waitingForSpace.keySet().stream().sorted().map(Path::toString).collect(Collectors.joining(", "))
                + "; " + jobs + " finished job" + (jobs == 1 ? "'s outputs stay" : "s' outputs stay")
                + " in staging until there is");
    }
}
