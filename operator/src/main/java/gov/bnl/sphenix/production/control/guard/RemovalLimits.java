package gov.bnl.sphenix.production.control.guard;

/**
 * How much one revision may remove before a person has to confirm it: productions removed, and
 * jobs their removal policies would kill. A limit of 0 means every removal (or every kill) needs
 * confirming; a negative limit means none is checked.
 *
 * @param productions most productions one revision removes unconfirmed
 * @param jobs        most live jobs one revision kills unconfirmed
 */
public record RemovalLimits(int productions, int jobs) {

    /** A revert of a handful of productions goes through; a commit that empties the repository waits. */
    public static final RemovalLimits DEFAULTS = new RemovalLimits(5, 1000);

    /** Nothing is checked. */
    public static final RemovalLimits NONE = new RemovalLimits(-1, -1);

    /** Does a revision that does this go beyond a limit? */
    public boolean exceededBy(RevisionImpact impact) {
        return beyond(impact.productionsRemoved(), productions) || beyond(impact.jobsKilled(), jobs);
    }

    private static boolean beyond(long count, int limit) {
        return limit >= 0 && count > limit;
    }

    /** {@code limits: 5 productions, 1000 jobs}, as the Blocked message quotes them. */
    public String describe() {
        return "limits: " + limit(productions, "production") + ", " + limit(jobs, "job");
    }

    private static String limit(int limit, String noun) {
        return limit < 0 ? "no limit on " + noun + "s" : RevisionImpact.count(limit, noun);
    }
}
