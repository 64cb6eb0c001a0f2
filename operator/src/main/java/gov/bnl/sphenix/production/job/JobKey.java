package gov.bnl.sphenix.production.job;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of one job: (production, run, segment, leaf). The leaf is the host or stream of a
 * per-leaf product ({@code ebdc07_1}) and the empty string when the product has none. Every job
 * carries its key as the {@code ProdOpJobKey} ClassAd, printed {@code calo/67962/42} or
 * {@code streaming/67962/0/ebdc07_1}, so a queue listing can be matched to the ledger without
 * guessing.
 */
public record JobKey(String production, int run, int segment, String leaf) implements Comparable<JobKey> {

    /** Production names are Kubernetes object names; leaves are host names like {@code ebdc07_1}. */
    private static final Pattern PRODUCTION = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final Pattern LEAF = Pattern.compile("([A-Za-z0-9]+(_[A-Za-z0-9]+)*)?");
    private static final Comparator<JobKey> ORDER = Comparator.comparing(JobKey::production)
            .thenComparingInt(JobKey::run)
            .thenComparingInt(JobKey::segment)
            .thenComparing(JobKey::leaf);

    public JobKey {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(leaf, "leaf");
        requireProductionName(production);
        if (!LEAF.matcher(leaf).matches()) {
            throw new IllegalArgumentException("leaf '" + leaf + "' must be letters, digits and single underscores");
        }
        if (run < 0 || segment < 0) {
            throw new IllegalArgumentException("run and segment are not negative: run " + run + ", segment " + segment);
        }
    }

    /** Production names go into ClassAd strings and constraints: only the characters of Kubernetes names. */
    public static String requireProductionName(String production) {
        if (production == null || !PRODUCTION.matcher(production).matches()) {
            throw new IllegalArgumentException("production '" + production
                    + "' must be lower-case letters, digits, '-' and '.', like run3auau-calo-golden");
        }
        return production;
    }

    public static JobKey of(String production, int run, int segment) {
        return new JobKey(production, run, segment, "");
    }

    public static JobKey ofLeaf(String production, int run, int segment, String leaf) {
        return new JobKey(production, run, segment, leaf);
    }

    /** Reads {@code production/run/segment[/leaf]} back, as printed by {@link #toString()}. */
    public static JobKey parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not a job key like calo/67962/42 or streaming/67962/0/ebdc07_1");
        }
        try {
            return new JobKey(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    parts.length == 4 ? parts[3] : "");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a job key: run and segment must be numbers", e);
        }
    }

    public boolean hasLeaf() {
        return !leaf.isEmpty();
    }

    /** {@code 67962/3}, or {@code 67962/3/ebdc07_1} for a per-leaf product: how the team names a job of a production. */
    public String jobName() {
        return run + "/" + segment + (hasLeaf() ? "/" + leaf : "");
    }

    @Override
    public int compareTo(JobKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return production + "/" + jobName();
    }
}
