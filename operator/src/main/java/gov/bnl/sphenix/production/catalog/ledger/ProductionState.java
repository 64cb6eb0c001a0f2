package gov.bnl.sphenix.production.catalog.ledger;

import java.util.Locale;

/** A production's life as the ledger records it. */
public enum ProductionState {
    ACTIVE,
    /** Declared with {@code submit: false}: harvesting and reporting only. */
    SUSPENDED,
    /** Its file was removed from git; jobs are being killed and, per its policy, outputs deleted. */
    REMOVING,
    REMOVED;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProductionState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
