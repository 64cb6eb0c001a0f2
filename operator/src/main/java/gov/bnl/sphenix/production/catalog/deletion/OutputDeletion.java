package gov.bnl.sphenix.production.catalog.deletion;

import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * What deletion offers the engine: the outputs of some job keys go, files first, then their
 * catalog rows. Repeatable; a copy that cannot be removed keeps its rows and is reported.
 */
public interface OutputDeletion {

    DeletionReport delete(List<LedgerKey> jobs, Consumer<DeletionItem> removed) throws SQLException;
}
