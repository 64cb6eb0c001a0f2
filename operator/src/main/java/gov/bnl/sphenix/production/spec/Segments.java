package gov.bnl.sphenix.production.spec;

/**
 * Which segments of a run a production processes. Segment 0 alone gives quick QA of a run; the
 * remaining segments follow once a production switches to {@code all}.
 */
public enum Segments {
    FIRST_ONLY("first-only"), ALL("all");

    private final String spelling;

    Segments(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public boolean includes(int segment) {
        return this == ALL || segment == 0;
    }
}
