package gov.bnl.sphenix.production.tools.seed;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What to generate: {@code runs} runs from {@code firstRun} on, starting at {@code start}, with
 * about {@code rawFiles} raw files in all. The same spec and seed give the same catalog, row for row.
 */
public record SeedSpec(long seed, int runs, int firstRun, long rawFiles, LocalDateTime start) {

    public static final int FIRST_RUN = 66_000;
    public static final LocalDateTime START = LocalDateTime.of(2025, 4, 1, 8, 0);

    public SeedSpec {
        Objects.requireNonNull(start, "start");
        if (runs < 1 || firstRun < 1 || rawFiles < runs) {
            throw new IllegalArgumentException("need at least one run, a positive first run and a raw file per run; got "
                    + runs + " runs from " + firstRun + ", " + rawFiles + " raw files");
        }
    }

    public static SeedSpec of(long seed, int runs, long rawFiles) {
        return new SeedSpec(seed, runs, FIRST_RUN, rawFiles, START);
    }
}
