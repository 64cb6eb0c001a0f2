package gov.bnl.sphenix.production.control.harvest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * How a harvest's jobs are cut into batches for its pipeline: small at both ends, large and even
 * in the middle. The pipeline hides each stage behind the others only between batches: reading the
 * first batch comes before anything else can start, and renaming and closing the last after
 * everything else has ended, so those two are what a harvest waits for in full. Rising from an
 * eighth of the largest batch through a quarter and a half (and falling the same way at the end)
 * keeps those waits short; the middle keeps large batches, over which each FileCatalog
 * transaction's fixed cost is spread, and cuts them even and never smaller than the ramp beside
 * them, because a small batch between two large ones would leave its neighbours' stages waiting.
 */
final class PipelineBatches {

    /** The ramp's sizes, as shifts of the largest batch: an eighth, a quarter, a half. */
    private static final int[] RAMP_SHIFTS = {3, 2, 1};

    private PipelineBatches() {
    }

    /**
     * {@code items} in order, cut into consecutive batches of at most {@code largest}: an eighth,
     * a quarter and a half of {@code largest} at both ends, each while at least twice as many are
     * left over for the middle, and the middle cut into the fewest even batches of at most
     * {@code largest}.
     */
    static <T> List<List<T>> of(List<T> items, int largest) {
        if (largest < 1) {
            throw new IllegalArgumentException("a batch holds at least one job, not " + largest);
        }
        List<Integer> sizes = new ArrayList<>();
        Deque<Integer> tail = new ArrayDeque<>();
        int left = items.size();
        for (int shift : RAMP_SHIFTS) {
            int size = largest >> shift;
            if (size < 1) {
                continue;
            }
            if (left < 4 * size) {
                break;
            }
            sizes.add(size);
            tail.addFirst(size);
            left -= 2 * size;
        }
        int middle = (left + largest - 1) / largest;
        for (int i = 0; i < middle; i++) {
            sizes.add(left / middle + (i < left % middle ? 1 : 0));
        }
        sizes.addAll(tail);
        List<List<T>> batches = new ArrayList<>(sizes.size());
        int from = 0;
        for (int size : sizes) {
            batches.add(items.subList(from, from + size));
            from += size;
        }
        return batches;
    }
}
