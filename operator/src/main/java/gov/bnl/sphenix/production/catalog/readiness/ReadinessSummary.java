package gov.bnl.sphenix.production.catalog.readiness;

/**
 * What one readiness scan looked at: runs that passed the run cuts, of those the runs with at
 * least one candidate, the candidates handed out, and whether the sink stopped the scan early.
 */
public record ReadinessSummary(long runsExamined, long runsReady, long candidates, boolean stoppedEarly) {

    public static final ReadinessSummary NOTHING = new ReadinessSummary(0, 0, 0, false);

    ReadinessSummary plus(ReadinessSummary other) {
        return new ReadinessSummary(runsExamined + other.runsExamined, runsReady + other.runsReady,
                candidates + other.candidates, stoppedEarly || other.stoppedEarly);
    }
}
