package gov.bnl.sphenix.production.catalog.ledger.report;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The failed jobs of productions, newest first, each with the audit entry that told its failure:
 * the ledger says which jobs failed, the audit log what was said about them (the engine names the
 * job as the entry's subject, and its logs at the end of the message).
 */
public final class FailedJobs {

    /** The jobs listed, with how many failed in all. */
    public record Listing(List<FailedJob> jobs, long total) {
        public Listing {
            jobs = List.copyOf(jobs);
        }
    }

    // The newest failed jobs first (through the (production, state) index when productions are
    // named), then for those only the entry that told each failure: the job's name as the events
    // spell it (JobKey.jobName), found through the partial index of V6.
    private static final String FAILED = """
            SELECT f.production, f.name, f.attempt, f.ended_at, f.total, told.detail
              FROM (SELECT j.production, j.attempt, j.ended_at, j.id, count(*) OVER () AS total,
                           j.run || '/' || j.segment || CASE WHEN j.leaf = '' THEN '' ELSE '/' || j.leaf END AS name
                      FROM job j
                     WHERE j.state = 'failed' AND %s
                     ORDER BY j.ended_at DESC NULLS LAST, j.id DESC
                     LIMIT ?) f
              LEFT JOIN LATERAL (
                   SELECT a.detail FROM audit_log a
                    WHERE a.action = ? AND a.production = f.production AND a.subject = f.name
                    ORDER BY a.id DESC LIMIT 1) told ON true
             ORDER BY f.ended_at DESC NULLS LAST, f.id DESC""";

    /** Two whole statements, fixed when the class loads: one for every production, one for those named. */
    private static final String FAILED_OF_ANY = FAILED.formatted("true");
    private static final String FAILED_OF_NAMED = FAILED.formatted("j.production = ANY (?)");

    private final DataSource ledger;
    private final Retry retry;

    public FailedJobs(DataSource ledger, Retry retry) {
        this.ledger = ledger;
        this.retry = retry;
    }

    /**
     * The newest {@code limit} failed jobs of {@code productions} (all when empty).
     *
     * @param failureAction the audit log's word for a failure
     */
    public Listing newest(List<String> productions, String failureAction, int limit) throws SQLException {
        return Transactions.run(ledger, retry, "failed jobs", c -> {
            List<FailedJob> jobs = new ArrayList<>();
            long total = 0;
            String statement = productions.isEmpty() ? FAILED_OF_ANY : FAILED_OF_NAMED;
            try (PreparedStatement s = c.prepareStatement(statement)) {
                int p = 1;
                if (!productions.isEmpty()) {
                    s.setArray(p++, SqlArrays.texts(c, productions));
                }
                s.setInt(p++, limit);
                s.setString(p, failureAction);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        total = rs.getLong("total");
                        jobs.add(new FailedJob(rs.getString("production"), rs.getString("name"), rs.getInt("attempt"),
                                SqlTimes.get(rs, "ended_at"), Optional.ofNullable(rs.getString("detail"))));
                    }
                }
            }
            return new Listing(jobs, total);
        });
    }
}
