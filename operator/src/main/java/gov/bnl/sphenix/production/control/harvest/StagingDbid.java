package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;

/**
 * The dbid a job's staged files carry ({@code ...:dbid:D}): the ledger row's id for the jobs the
 * operator submits, and, for a job adopted from sphenixprod at the cut-over ({@code prodctl import
 * sphenixprod}), the id sphenixprod gave it, which its arguments end with and its stage-out
 * writes. The adoption records that id in the row's batch token; a later attempt of the key gets a
 * token of its own, and so the row's id again.
 */
public final class StagingDbid {

    /** How an adopted job's batch token starts; the sphenixprod id follows. */
    public static final String ADOPTED_PREFIX = "sphenixprod-";

    private StagingDbid() {
    }

    public static long of(LedgerJob row) {
        String token = row.batchToken();
        if (token.startsWith(ADOPTED_PREFIX)) {
            try {
                return Long.parseLong(token.substring(ADOPTED_PREFIX.length()));
            } catch (NumberFormatException e) {
                // a token that only looks adopted: the row's own id, which no stranger's file carries
                return row.id();
            }
        }
        return row.id();
    }
}
