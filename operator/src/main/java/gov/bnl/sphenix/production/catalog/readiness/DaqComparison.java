package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq.RunEvents;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A production's finished runs against the DAQ, summed: what its status and its metrics carry
 * after each pass ({@code prodctl why} lists the runs one by one). Produced events are counted as
 * the comparison counts them, the worst leaf of each run, so that they stand beside the DAQ's
 * count: a product written per DAQ host holds the run's events once per host.
 *
 * @param runsCompared   runs whose every job succeeded, compared with the DAQ's count
 * @param eventsProduced events in their outputs (the worst leaf of each run)
 * @param eventsRecorded events the DAQ recorded in them
 * @param runsBelowRatio runs whose outputs hold less than {@link EventsAgainstDaq#TODAYS_RATIO} of the DAQ's events
 * @param firstBelow     the first of those runs, at most {@link #RUNS_NAMED}
 */
public record DaqComparison(long runsCompared, long eventsProduced, long eventsRecorded, long runsBelowRatio,
                            List<Integer> firstBelow) {

    /** Runs named in a status: enough to start from; {@code prodctl why} lists them all. */
    public static final int RUNS_NAMED = 10;

    /** Nothing compared (no run finished, or the comparison could not be read). */
    public static final DaqComparison NONE = new DaqComparison(0, 0, 0, 0, List.of());

    public DaqComparison {
        firstBelow = firstBelow == null ? List.of() : List.copyOf(firstBelow);
    }

    public static DaqComparison of(List<RunEvents> runs) {
        List<RunEvents> below = EventsAgainstDaq.belowRatio(runs);
        return new DaqComparison(runs.size(), runs.stream().mapToLong(RunEvents::produced).sum(),
                runs.stream().mapToLong(RunEvents::recorded).sum(), below.size(),
                below.stream().limit(RUNS_NAMED).map(RunEvents::run).toList());
    }

    /** {@code 120 runs produced, 3 under 0.95 of the DAQ's events (66052, 66060, 66071)}, as describe shows it. */
    public String summary() {
        if (runsCompared == 0) {
            return "no run produced yet";
        }
        String runs = runsCompared == 1 ? "1 run" : runsCompared + " runs";
        String named = firstBelow.isEmpty() ? "" : " (" + firstBelow.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + (runsBelowRatio > firstBelow.size() ? ", …" : "") + ")";
        return runs + " produced, " + runsBelowRatio + " under " + EventsAgainstDaq.TODAYS_RATIO
                + " of the DAQ's events" + named;
    }
}
