package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.spec.RunOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * The RawdataCatalog rows readiness looks at for a chunk of runs: the product's streams, the
 * segment window. Served by the index on {@code datasets (runnumber, segment)}, streams filtered inside it.
 */
final class RawFiles implements ChunkQuery<RawFile> {

    private static final String NEWEST_FIRST = """
            SELECT d.runnumber, d.daqhost, d.segment, d.status, d.filename
              FROM datasets d
             WHERE d.runnumber = ANY (?)
               AND d.segment BETWEEN ? AND ?
               AND d.daqhost = ANY (?)
             ORDER BY d.runnumber DESC
            """;

    private static final String OLDEST_FIRST = """
            SELECT d.runnumber, d.daqhost, d.segment, d.status, d.filename
              FROM datasets d
             WHERE d.runnumber = ANY (?)
               AND d.segment BETWEEN ? AND ?
               AND d.daqhost = ANY (?)
             ORDER BY d.runnumber ASC
            """;

    // The same rows as the statements above, summed up per run (see RunSignature).
    private static final String SIGNATURES = """
            SELECT d.runnumber, count(*), coalesce(sum(d.status), 0),
                   coalesce(sum(hashtext(d.filename) # hashtext(d.daqhost) # d.segment), 0)
              FROM datasets d
             WHERE d.runnumber = ANY (?)
               AND d.segment BETWEEN ? AND ?
               AND d.daqhost = ANY (?)
             GROUP BY d.runnumber
            """;

    private final RawRequest request;

    RawFiles(RawRequest request) {
        this.request = request;
    }

    static String sql(RunOrder order) {
        return order == RunOrder.NEWEST_FIRST ? NEWEST_FIRST : OLDEST_FIRST;
    }

    @Override
    public RowCursor<RawFile> open(Connection connection, int[] runs) throws SQLException {
        return RowCursor.open(connection, sql(request.order()), statement -> bind(statement, connection, request, runs),
                rs -> new RawFile(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5)));
    }

    /** The signature statement; exposed for plan checks. */
    static String signatureSql() {
        return SIGNATURES;
    }

    @Override
    public Map<Integer, RunSignature> signatures(Connection connection, int[] runs) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SIGNATURES)) {
            bind(statement, connection, request, runs);
            return RunSignatures.read(statement);
        }
    }

    static void bind(PreparedStatement statement, Connection connection, RawRequest request, int[] runs)
            throws SQLException {
        statement.setArray(1, SqlArrays.ints(connection, runs));
        statement.setInt(2, request.segments().first());
        statement.setInt(3, request.segments().last());
        statement.setArray(4, SqlArrays.texts(connection, request.streams()));
    }
}
