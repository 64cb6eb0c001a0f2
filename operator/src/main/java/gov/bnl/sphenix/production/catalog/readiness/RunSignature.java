package gov.bnl.sphenix.production.catalog.readiness;

/**
 * What a run's catalog rows (those a readiness query would fetch) look like, in three numbers the
 * database sums up without sending the rows: how many, the sum of their statuses, and the sum of
 * a hash of each row's file name, stream or product and segment (hashes combined, not the text:
 * the database sums without building a string per row). A new file or segment changes
 * the count, a file turning good or bad the status sum; a file swapped for another of the same
 * status changes the hash sum (but for a 1 in 2^32 chance).
 */
record RunSignature(long rows, long statusSum, long hashSum) {

    /** A run without rows in the window. */
    static final RunSignature EMPTY = new RunSignature(0, 0, 0);
}
