package gov.bnl.sphenix.production.plan;

import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of one job: (production, run, segment, leaf). The ledger holds at most one row per
 * key, and the planner never submits a key twice. The leaf is the host or stream of a per-leaf
 * product ({@code ebdc07_1}) and the empty string when the product has none.
 *
 * <p>Keys sort by production, then run, segment and leaf: the order every observed stream must
 * follow so that the planner can merge them instead of loading them.
 */
public record JobKey(String production, int run, int segment, String leaf) implements Comparable<JobKey> {

    private static final Comparator<JobKey> ORDER = Comparator.comparing(JobKey::production)
            .thenComparingInt(JobKey::run)
            .thenComparingInt(JobKey::segment)
            .thenComparing(JobKey::leaf);

    public JobKey {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(leaf, "leaf");
        if (run < 0 || segment < 0) {
            throw new IllegalArgumentException("run and segment are not negative: run " + run + ", segment " + segment);
        }
    }

    public static JobKey of(String production, int run, int segment) {
        return new JobKey(production, run, segment, "");
    }

    public boolean hasLeaf() {
        return !leaf.isEmpty();
    }

    @Override
    public int compareTo(JobKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code calo/67962/42} or {@code streaming/67962/0/ebdc07_1}, as status pages print it. */
    @Override
    public String toString() {
        return production + "/" + run + "/" + segment + (hasLeaf() ? "/" + leaf : "");
    }
}
