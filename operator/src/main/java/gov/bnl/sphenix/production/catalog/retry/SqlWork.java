package gov.bnl.sphenix.production.catalog.retry;

import java.sql.SQLException;

/**
 * One unit of database work that may be run again after a transient failure. It must take its own
 * connection and finish or roll back its own transaction, so that a second run starts clean.
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run() throws SQLException;
}
