package gov.bnl.sphenix.production.catalog.readiness;

import java.sql.Connection;
import java.sql.SQLException;

/** Fetches the catalog rows of a chunk of runs, grouped by run in the order of the chunk. */
interface ChunkQuery<T extends RunRow> {

    RowCursor<T> open(Connection connection, int[] runs) throws SQLException;
}
