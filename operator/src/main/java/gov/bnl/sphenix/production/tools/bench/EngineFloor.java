package gov.bnl.sphenix.production.tools.bench;

/**
 * The size of the production floor {@link EngineBench} passes over: a synthetic catalog (runs and
 * raw files), productions each over their own slice of it, jobs queued in the pool, and the
 * ledger's finished history, small and then large, so that the two are measured in one run.
 *
 * @param productions      declared productions, each over {@code runs / productions} runs of the catalog
 * @param runs             runs in the synthetic catalog
 * @param rawFiles         raw files in the catalog, about
 * @param queuedJobs       jobs put into the pool's queue beforehand, as the productions' own
 * @param smallHistory     finished ledger rows of earlier runs in the first measurement
 * @param largeHistory     finished ledger rows of earlier runs in the second
 * @param newKeys          ready keys each busy production has to submit anew in a measured pass
 * @param finishing        jobs that run to their end just before a measured pass (on a pool slot)
 * @param removed          queued jobs removed by hand just before a measured pass
 * @param held             queued jobs put on hold just before a measured pass
 * @param seed             the synthetic catalog's seed
 */
public record EngineFloor(int productions, int runs, long rawFiles, int queuedJobs, int smallHistory, int largeHistory,
                          int newKeys, int finishing, int removed, int held, long seed) {

    /** The busy sPHENIX week. */
    public static final EngineFloor FULL = new EngineFloor(100, 10_000, 10_000_000, 50_000, 10_000, 1_000_000, 20, 20,
            250, 2_500, 42);

    /** What CI runs: the same shape, a tenth of it. */
    public static final EngineFloor QUICK = new EngineFloor(10, 1_000, 1_000_000, 5_000, 1_000, 100_000, 20, 4, 25,
            250, 42);

    public EngineFloor {
        if (productions < 1 || runs < productions || rawFiles < runs || queuedJobs < productions) {
            throw new IllegalArgumentException("a floor needs productions, at least a run each, raw files and queued jobs");
        }
        if (smallHistory < 0 || largeHistory < smallHistory || newKeys < 0 || finishing < 0 || removed < 0 || held < 0) {
            throw new IllegalArgumentException("history, new keys and the jobs that change are counts, the large"
                    + " history at least the small one");
        }
        if (removed + held > queuedJobs / 2) {
            throw new IllegalArgumentException("removing and holding " + (removed + held) + " of " + queuedJobs
                    + " queued jobs in each of two measurements leaves too few queued");
        }
    }

    /** Productions with new keys to submit in a measured pass: one in ten, at least one. */
    public int busyProductions() {
        return Math.max(1, productions / 10);
    }

    public int queuedPerProduction() {
        return queuedJobs / productions;
    }
}
