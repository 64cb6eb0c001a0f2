package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.catalog.CopyWriter;
import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Writes the floor's ledger rows straight into the ledger's {@code job} table by COPY, as a
 * ledger that has run for months would hold them: a million rows through the engine's own
 * submission steps would take longer than the benchmark itself.
 */
final class FloorLedger {

    private static final String COPY_JOBS = """
            COPY job (production, dsttype, dataset, tag, run, segment, leaf, state, attempt, request_mib, cluster_id,
                      proc_id, batch_token, submitted_at, revision, rerun_token, updated_at) FROM STDIN""";

    private static final String FORGET_KEYS = """
            DELETE FROM job j USING unnest(?::int[], ?::text[]) AS k(run, leaf)
             WHERE j.production = ? AND j.run = k.run AND j.segment = 0 AND j.leaf = k.leaf""";

    private static final String COUNT = "SELECT count(*) FROM job";

    private static final String VACUUM = "VACUUM ANALYZE job";

    /** One row to write. */
    record Row(JobKey key, OutputNamespace namespace, LedgerState state, Optional<BatchJobId> job, String batchToken,
               Instant submittedAt) {
    }

    private final DataSource ledger;

    FloorLedger(DataSource ledger) {
        this.ledger = ledger;
    }

    long write(Iterable<Row> rows) throws SQLException {
        try (Connection c = ledger.getConnection(); CopyWriter copy = new CopyWriter(c, COPY_JOBS)) {
            for (Row row : rows) {
                String submitted = row.submittedAt().toString();
                copy.text(row.key().production()).text(row.namespace().dsttype()).text(row.namespace().dataset())
                        .text(row.namespace().tag().toString()).number(row.key().run()).number(row.key().segment())
                        .text(row.key().leaf()).text(row.state().dbName()).number(1).number(3072);
                if (row.job().isPresent()) {
                    copy.number(row.job().get().cluster()).number(row.job().get().proc());
                } else {
                    copy.nullValue().nullValue();
                }
                copy.text(row.batchToken()).text(submitted).text("bench").text("").text(submitted).endRow();
            }
            long written = copy.finish();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return written;
        }
    }

    /** Forgets the rows of these (run, leaf) keys at segment 0 of one production: they are ready to submit again. */
    int forget(String production, List<JobKey> keys) throws SQLException {
        try (Connection c = ledger.getConnection(); PreparedStatement s = c.prepareStatement(FORGET_KEYS)) {
            s.setArray(1, c.createArrayOf("integer", keys.stream().map(JobKey::run).toArray()));
            s.setArray(2, SqlArrays.texts(c, keys.stream().map(JobKey::leaf).toList()));
            s.setString(3, production);
            int forgotten = s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return forgotten;
        }
    }

    /**
     * Vacuums and analyses the table, as the database's autovacuum has long done to a ledger that
     * ran for months: rows just copied in have no visibility map and no statistics yet.
     */
    void settle() throws SQLException {
        try (Connection c = ledger.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement(VACUUM)) {
                s.execute();
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    long rows() throws SQLException {
        try (Connection c = ledger.getConnection(); PreparedStatement s = c.prepareStatement(COUNT);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
