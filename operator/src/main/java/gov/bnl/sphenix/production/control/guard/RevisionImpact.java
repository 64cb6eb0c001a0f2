package gov.bnl.sphenix.production.control.guard;

import java.util.List;

/**
 * What applying a revision would do that cannot be undone by reverting it: the productions it
 * removes and the live jobs their removal policies kill.
 *
 * @param removed    names of this source's productions the revision no longer declares
 * @param jobsKilled live jobs of those productions whose policy kills
 */
public record RevisionImpact(List<String> removed, long jobsKilled) {

    private static final int NAMES_SHOWN = 5;

    public RevisionImpact {
        removed = List.copyOf(removed);
        if (jobsKilled < 0) {
            throw new IllegalArgumentException("jobs killed is not negative: " + jobsKilled);
        }
    }

    public int productionsRemoved() {
        return removed.size();
    }

    /** {@code remove 12 productions (a, b, c, d, e and 7 more) and kill 3400 jobs}. */
    public String describe() {
        String names = removed.stream().limit(NAMES_SHOWN).reduce((a, b) -> a + ", " + b).orElse("");
        String more = removed.size() > NAMES_SHOWN ? " and " + (removed.size() - NAMES_SHOWN) + " more" : "";
        return "remove " + count(removed.size(), "production") + (removed.isEmpty() ? "" : " (" + names + more + ")")
                + " and kill " + count(jobsKilled, "job");
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
