package gov.bnl.sphenix.production.spec;

import java.util.List;
import java.util.Optional;

/**
 * The memory requests a job climbs when it is held for exceeding memory, in MiB, strictly
 * increasing: {@code 2 GB, 4 GB, 8 GB} is {@code [2048, 4096, 8192]}. The first rung is the
 * request of a fresh submission; when the last rung is exceeded the job fails instead of looping.
 */
public record MemoryLadder(List<Integer> rungsMib) {

    public MemoryLadder {
        rungsMib = List.copyOf(rungsMib);
        if (rungsMib.isEmpty()) {
            throw new IllegalArgumentException("a memory ladder needs at least one rung");
        }
        for (int i = 0; i < rungsMib.size(); i++) {
            if (rungsMib.get(i) <= 0) {
                throw new IllegalArgumentException("memory must be positive, got " + rungsMib.get(i) + " MiB");
            }
            if (i > 0 && rungsMib.get(i) <= rungsMib.get(i - 1)) {
                throw new IllegalArgumentException("memory ladder rungs must increase: " + rungsMib);
            }
        }
    }

    public static MemoryLadder of(Integer... rungsMib) {
        return new MemoryLadder(List.of(rungsMib));
    }

    public int firstMib() {
        return rungsMib.get(0);
    }

    /** The request after a hold at {@code currentMib}: the lowest rung above it, if any is left. */
    public Optional<Integer> nextAbove(int currentMib) {
        return rungsMib.stream().filter(r -> r > currentMib).findFirst();
    }

    /** Position (0-based) of the rung a request sits on, for the ledger and status. */
    public int positionOf(int requestMib) {
        int position = 0;
        for (int i = 0; i < rungsMib.size(); i++) {
            if (rungsMib.get(i) <= requestMib) {
                position = i;
            }
        }
        return position;
    }

    @Override
    public String toString() {
        return rungsMib.stream().map(m -> m % 1024 == 0 ? (m / 1024) + " GB" : m + " MB")
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
