package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads {@code job} rows by column name, so every statement may return them as {@code *}. */
final class JobRows {

    private JobRows() {
    }

    static LedgerJob read(ResultSet rs) throws SQLException {
        LedgerKey key = new LedgerKey(JobKey.ofLeaf(rs.getString("production"), rs.getInt("run"), rs.getInt("segment"),
                rs.getString("leaf")), new OutputNamespace(rs.getString("dsttype"), rs.getString("dataset"),
                Tag.parse(rs.getString("tag"))));
        return new LedgerJob(rs.getLong("id"), key, LedgerState.fromDb(rs.getString("state")), rs.getInt("attempt"),
                rs.getInt("memory_rung"), rs.getInt("request_mib"), optionalLong(rs, "cluster_id"),
                optionalInt(rs, "proc_id"), rs.getString("batch_token"),
                SqlTimes.get(rs, "submitted_at"), SqlTimes.get(rs, "started_at"), SqlTimes.get(rs, "ended_at"),
                optionalInt(rs, "exit_code"), optionalLong(rs, "nevents"), rs.getString("revision"),
                rs.getString("rerun_token"), rs.getString("schedd"));
    }

    private static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static OptionalInt optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
