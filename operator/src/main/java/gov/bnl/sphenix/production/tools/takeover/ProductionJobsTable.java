package gov.bnl.sphenix.production.tools.takeover;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Reads sphenixprod's {@code production_jobs} table, read-only and through a cursor: only the rows
 * of the datasets and tags the declared productions make, since the table holds every job
 * sphenixprod ever made.
 */
public final class ProductionJobsTable {

    // status is an enum type in sphenixprod's schema: read as text, compared as text
    private static final String ROWS = """
            SELECT id, clusterid, procid, rulename, tag, dataset, dsttype, filename, runnumber, segment, status::text
              FROM production_jobs
             WHERE dataset = ANY (?) AND tag = ANY (?)
             ORDER BY id""";

    private static final int FETCH_SIZE = 5_000;

    private final DataSource sphenixprod;

    public ProductionJobsTable(DataSource sphenixprod) {
        this.sphenixprod = sphenixprod;
    }

    /** sphenixprod's database at a JDBC URL, its connections read-only: the import never writes there. */
    public static DataSource readOnly(String url, Optional<String> user, Optional<String> password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        user.ifPresent(source::setUser);
        password.ifPresent(source::setPassword);
        source.setReadOnly(true);
        return source;
    }

    /** The rows of the given datasets and tags, oldest first. */
    public List<SphenixprodRow> rows(Collection<String> datasets, Collection<String> tags) throws SQLException {
        List<SphenixprodRow> rows = new ArrayList<>();
        try (Connection c = sphenixprod.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false); // a cursor needs a transaction
            try (PreparedStatement s = c.prepareStatement(ROWS)) {
                s.setArray(1, SqlArrays.texts(c, datasets));
                s.setArray(2, SqlArrays.texts(c, tags));
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return rows;
    }

    private static SphenixprodRow read(ResultSet rs) throws SQLException {
        long cluster = rs.getLong("clusterid");
        OptionalLong clusterId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(cluster);
        int proc = rs.getInt("procid");
        OptionalInt procId = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(proc);
        int segment = rs.getInt("segment");
        OptionalInt seg = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(segment);
        String status = rs.getString(11);
        return new SphenixprodRow(rs.getLong("id"), clusterId, procId, rs.getString("rulename"), rs.getString("tag"),
                rs.getString("dataset"), rs.getString("dsttype"), Optional.ofNullable(rs.getString("filename")),
                rs.getInt("runnumber"), seg, status == null ? "(none)" : status);
    }
}
