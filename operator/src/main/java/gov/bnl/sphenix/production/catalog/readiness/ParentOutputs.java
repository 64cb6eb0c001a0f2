package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.spec.RunOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * The FileCatalog rows of the upstream products for a chunk of runs: one dataset, the upstream
 * tag, the segment window (every n-th segment for a rule's {@code cut_segment}). Served by the index on {@code datasets (dataset, tag, runnumber, segment)}, products filtered inside it.
 */
final class ParentOutputs implements ChunkQuery<ParentOutput> {

    private static final String NEWEST_FIRST = """
            SELECT d.runnumber, d.segment, d.dsttype, d.status, d.filename
              FROM datasets d
             WHERE d.dataset = ?
               AND d.tag = ?
               AND d.runnumber = ANY (?)
               AND d.segment BETWEEN ? AND ?
               AND d.segment % ? = 0
               AND d.dsttype = ANY (?)
             ORDER BY d.runnumber DESC
            """;

    private static final String OLDEST_FIRST = """
            SELECT d.runnumber, d.segment, d.dsttype, d.status, d.filename
              FROM datasets d
             WHERE d.dataset = ?
               AND d.tag = ?
               AND d.runnumber = ANY (?)
               AND d.segment BETWEEN ? AND ?
               AND d.segment % ? = 0
               AND d.dsttype = ANY (?)
             ORDER BY d.runnumber ASC
            """;

    // The same rows as the statements above, summed up per run (see RunSignature).
    private static final String SIGNATURES = """
            SELECT d.runnumber, count(*), coalesce(sum(d.status), 0),
                   coalesce(sum(hashtext(d.filename) # hashtext(d.dsttype) # d.segment), 0)
              FROM datasets d
             WHERE d.dataset = ?
               AND d.tag = ?
               AND d.runnumber = ANY (?)
               AND d.segment BETWEEN ? AND ?
               AND d.segment % ? = 0
               AND d.dsttype = ANY (?)
             GROUP BY d.runnumber
            """;

    private final DerivedRequest request;

    ParentOutputs(DerivedRequest request) {
        this.request = request;
    }

    static String sql(RunOrder order) {
        return order == RunOrder.NEWEST_FIRST ? NEWEST_FIRST : OLDEST_FIRST;
    }

    @Override
    public RowCursor<ParentOutput> open(Connection connection, int[] runs) throws SQLException {
        return RowCursor.open(connection, sql(request.order()), statement -> bind(statement, connection, request, runs),
                rs -> new ParentOutput(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
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

    static void bind(PreparedStatement statement, Connection connection, DerivedRequest request, int[] runs)
            throws SQLException {
        statement.setString(1, request.dataset());
        statement.setString(2, request.upstreamTag().toString());
        statement.setArray(3, SqlArrays.ints(connection, runs));
        statement.setInt(4, request.segments().first());
        statement.setInt(5, request.segments().last());
        statement.setInt(6, request.segments().every());
        statement.setArray(7, SqlArrays.texts(connection, request.upstreamProducts()));
    }
}
