package gov.bnl.sphenix.production.spec;

/** Which runs a production submits first. Newest first gives shift crews fast feedback on fresh data. */
public enum RunOrder {
    NEWEST_FIRST("newest-first"), OLDEST_FIRST("oldest-first");

    private final String spelling;

    RunOrder(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }
}
