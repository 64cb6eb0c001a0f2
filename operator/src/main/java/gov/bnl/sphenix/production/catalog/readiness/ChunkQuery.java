package gov.bnl.sphenix.production.catalog.readiness;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Fetches the catalog rows of a chunk of runs, grouped by run in the order of the chunk. */
interface ChunkQuery<T extends RunRow> {

    RowCursor<T> open(Connection connection, int[] runs) throws SQLException;

    /**
     * The {@link RunSignature} of each run of the chunk that has rows, summed up by the database
     * over exactly the rows {@link #open} would fetch: one small row per run instead of all of them.
     */
    Map<Integer, RunSignature> signatures(Connection connection, int[] runs) throws SQLException;
}
