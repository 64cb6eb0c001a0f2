package gov.bnl.sphenix.production.tools.bench;

/**
 * How big a catalog benchmark is: the synthetic catalog (runs, raw files) and the registration
 * run (outputs, batch size).
 */
public record BenchSize(int runs, long rawFiles, int outputs, int batch, long seed) {

    /** Under a minute on a 2-core machine, start to finish. */
    public static final BenchSize QUICK = new BenchSize(2_000, 1_000_000, 100_000, 5_000, 42);

    /** The target: 10,000 runs, 10M raw files. */
    public static final BenchSize FULL = new BenchSize(10_000, 10_000_000, 500_000, 5_000, 42);

    public BenchSize {
        if (runs < 1 || rawFiles < runs || outputs < 1 || batch < 1) {
            throw new IllegalArgumentException("a benchmark needs runs, raw files, outputs and a batch size");
        }
    }
}
