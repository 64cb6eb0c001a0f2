package gov.bnl.sphenix.production.catalog.ledger;

import java.sql.SQLException;
import java.util.Collection;

/**
 * Keeping the ledger true between the moves: what the queue says of jobs the pass did not act on,
 * and dropping the rows of a removed production once its outputs are gone.
 */
public interface LedgerUpkeep {

    /** Applies what the queue said about many jobs in one statement. */
    int apply(Collection<JobUpdate> updates) throws SQLException;

    /** Drops rows (and their holds) of a production: the last step of a cleanup. */
    int forget(String production, Collection<Long> jobIds) throws SQLException;
}
