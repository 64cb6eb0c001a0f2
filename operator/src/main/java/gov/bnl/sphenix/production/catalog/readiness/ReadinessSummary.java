package gov.bnl.sphenix.production.catalog.readiness;

/**
 * What one readiness scan looked at: runs that passed the run cuts, of those the runs with at
 * least one candidate, the candidates handed out, whether the sink stopped the scan early, and of
 * the runs examined those whose candidates came from a {@link ReadinessMemory} (their catalog rows
 * unchanged and not read).
 */
public record ReadinessSummary(long runsExamined, long runsReady, long candidates, boolean stoppedEarly,
                               long runsRemembered) {

    public static final ReadinessSummary NOTHING = new ReadinessSummary(0, 0, 0, false, 0);

    /** Runs whose catalog rows this scan read. */
    public long runsRead() {
        return runsExamined - runsRemembered;
    }
}
