package gov.bnl.sphenix.production.catalog.connect;

import java.util.Locale;

/**
 * The databases the operator talks to. Each is its own DataSource because in production each is
 * its own server; for development they may share one database as separate schemas.
 */
public enum CatalogKind {
    /** Runs, hosts per run, files the DAQ wrote. Read only. */
    DAQ("daq", false),
    /** Raw (PRDF) files and whether they are on disk. Read only. */
    RAWDATA("rawdata", false),
    /** Production outputs: read for downstream readiness, written by registration and deletion. */
    FILECATALOG("filecatalog", true),
    /** The operator's own job ledger, productions and audit log. */
    LEDGER("prodop", true);

    private final String defaultSchema;
    private final boolean primaryOnly;

    CatalogKind(String defaultSchema, boolean primaryOnly) {
        this.defaultSchema = defaultSchema;
        this.primaryOnly = primaryOnly;
    }

    /** The schema used when configuration names none. */
    public String defaultSchema() {
        return defaultSchema;
    }

    /**
     * Whether reads must go to the primary server. The ledger and the FileCatalog decide what is
     * submitted; reading them from a lagging replica is how jobs were submitted twice.
     */
    public boolean primaryOnly() {
        return primaryOnly;
    }

    /** The word in environment variables: {@code PRODOP_<WORD>_URL}. */
    public String environmentWord() {
        return name().toUpperCase(Locale.ROOT);
    }
}
