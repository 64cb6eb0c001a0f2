package gov.bnl.sphenix.production.tools.takeover;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A sphenixprod job table in a schema of its own on a test PostgreSQL server: created from the
 * test resources' DDL, filled row by row the way sphenixprod's submission and job scripts leave it.
 */
public final class SphenixprodDatabase {

    private final DataSource server;
    private final String schema = "sphenixprod_" + UUID.randomUUID().toString().substring(0, 8);

    private SphenixprodDatabase(DataSource server) {
        this.server = server;
    }

    public static SphenixprodDatabase create(DataSource server) throws SQLException, IOException {
        SphenixprodDatabase db = new SphenixprodDatabase(server);
        String ddl;
        try (InputStream in = SphenixprodDatabase.class.getResourceAsStream("/takeover/production_jobs.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + db.schema);
            s.execute("SET search_path TO " + db.schema);
            s.execute(ddl);
            s.execute("RESET search_path");
        }
        return db;
    }

    /** The JDBC URL of this table, for {@code --sphenixprod-db}, given the server's. */
    public String url(String serverUrl) {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Inserts a row; returns its id, the dbid sphenixprod appends to the job's arguments. */
    public long insert(String rulename, String tag, String dataset, String dsttype, String filename, int run, int segment,
                String status, Long clusterId, Integer procId) throws SQLException {
        String sql = "INSERT INTO " + schema + ".production_jobs (rulename, tag, dataset, dsttype, filename, runnumber,"
                + " segment, status, ClusterId, ProcId) VALUES (?, ?, ?, ?, ?, ?, ?, ?::" + schema + ".prodstate, ?, ?)"
                + " RETURNING id";
        try (Connection c = server.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, rulename);
            s.setString(2, tag);
            s.setString(3, dataset);
            s.setString(4, dsttype);
            s.setString(5, filename);
            s.setInt(6, run);
            s.setInt(7, segment);
            s.setString(8, status);
            if (clusterId == null) {
                s.setNull(9, Types.BIGINT);
            } else {
                s.setLong(9, clusterId);
            }
            if (procId == null) {
                s.setNull(10, Types.INTEGER);
            } else {
                s.setInt(10, procId);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** What sphenixprod does once condor_submit answered: the cluster goes into the rows. */
    public void submitted(long dbid, long clusterId) throws SQLException {
        try (Connection c = server.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE " + schema + ".production_jobs SET ClusterId = ?, status = 'submitted' WHERE id = ?")) {
            s.setLong(1, clusterId);
            s.setLong(2, dbid);
            s.executeUpdate();
        }
    }
}
