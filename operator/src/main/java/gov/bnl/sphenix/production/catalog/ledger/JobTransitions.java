package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The moves the reconcile engine makes on ledger rows, each guarded by the state the row must be
 * in, so that a move planned on a stale observation does nothing instead of harm. Every move is
 * one statement for any number of rows.
 *
 * <p>The submission protocol is {@link #takeForSubmission} (rows {@code submitting} under a fresh
 * batch token), the batch system, then {@link #recordSubmitted}; a crash in between leaves
 * {@code submitting} rows that the next pass adopts (their job carries the token) or resets.
 */
public final class JobTransitions implements SubmissionSteps, JobMoves {

    // New keys are inserted; a key whose row is settled (succeeded, failed, killed, lost) is taken
    // again with one more attempt. A live row is left alone and not returned: never two live jobs.
    private static final String TAKE = """
            INSERT INTO job AS j (production, dsttype, dataset, tag, run, segment, leaf, state, attempt, memory_rung,
                                  request_mib, batch_token, revision, rerun_token, inputs, submitted_at, updated_at)
            SELECT k.production, k.dsttype, k.dataset, k.tag, k.run, k.segment, k.leaf, 'submitting', 1, k.rung,
                   k.mib, ?, k.revision, k.rerun, k.inputs, ?, ?
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::integer[], ?::text[],
                          ?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[])
                   AS k(production, dsttype, dataset, tag, run, segment, leaf, rung, mib, revision, rerun, inputs)
            ON CONFLICT ON CONSTRAINT job_key DO UPDATE
               SET state = 'submitting', attempt = j.attempt + 1, memory_rung = excluded.memory_rung,
                   request_mib = excluded.request_mib, batch_token = excluded.batch_token,
                   revision = excluded.revision, rerun_token = excluded.rerun_token, inputs = excluded.inputs,
                   cluster_id = NULL,
                   proc_id = NULL, schedd = '', submitted_at = excluded.submitted_at, started_at = NULL, ended_at = NULL,
                   exit_code = NULL, nevents = NULL, updated_at = excluded.updated_at
             WHERE j.state IN ('succeeded', 'failed', 'killed', 'lost')
            RETURNING *""";

    private static final String RECORD_SUBMITTED = """
            UPDATE job j
               SET state = 'queued', cluster_id = u.cluster, proc_id = u.proc, schedd = u.schedd, submitted_at = ?,
                   updated_at = ?
              FROM unnest(?::bigint[], ?::bigint[], ?::integer[], ?::text[]) AS u(id, cluster, proc, schedd)
             WHERE j.id = u.id AND j.state = 'submitting' AND j.batch_token = ?""";

    // A job found in the queue under our key: the row learns its id (inserted when it had none). Its
    // recorded inputs stay only when the job carries the token they were recorded under.
    private static final String ADOPT = """
            INSERT INTO job AS j (production, dsttype, dataset, tag, run, segment, leaf, state, attempt, request_mib,
                                  cluster_id, proc_id, schedd, batch_token, revision, rerun_token, submitted_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT ON CONSTRAINT job_key DO UPDATE
               SET state = excluded.state, cluster_id = excluded.cluster_id, proc_id = excluded.proc_id,
                   schedd = excluded.schedd,
                   inputs = CASE WHEN j.batch_token = excluded.batch_token THEN j.inputs END,
                   batch_token = excluded.batch_token, updated_at = excluded.updated_at
             WHERE j.state IN ('submitting', 'lost')""";

    private static final String SUBMISSION_LOST = """
            UPDATE job SET state = 'lost', updated_at = ?
             WHERE id = ANY (?) AND state = 'submitting' AND batch_token = ?""";

    private static final String RESET_STALE = """
            UPDATE job SET state = 'lost', updated_at = ? WHERE id = ? AND state = 'submitting' AND batch_token = ?""";

    // Only the row's own job: killing a stray duplicate must not end the row of the job that stays.
    private static final String KILLED = """
            UPDATE job j SET state = 'killed', ended_at = ?, updated_at = ?
              FROM unnest(?::bigint[], ?::bigint[], ?::integer[], ?::text[]) AS u(id, cluster, proc, schedd)
             WHERE j.id = u.id AND j.cluster_id = u.cluster AND j.proc_id = u.proc AND j.schedd = u.schedd
               AND j.state IN ('submitting', 'queued', 'running', 'held')""";

    private static final String FAILED = """
            UPDATE job SET state = 'failed', ended_at = coalesce(ended_at, ?), updated_at = ?
             WHERE id = ANY (?) AND state <> 'succeeded'""";

    private static final String INSERT_HOLD = """
            INSERT INTO job_hold (job_id, attempt, held_at, code, subcode, reason, request_mib)
            SELECT id, attempt, ?, ?, ?, ?, request_mib FROM job WHERE id = ?
            ON CONFLICT DO NOTHING""";

    private static final String RELEASED = """
            UPDATE job SET state = 'queued', memory_rung = memory_rung + 1, request_mib = ?, updated_at = ?
             WHERE id = ? AND cluster_id = ? AND proc_id = ? AND schedd = ?
               AND state IN ('submitting', 'queued', 'running', 'held')""";

    private static final String SUCCEEDED = """
            UPDATE job j SET state = 'succeeded', ended_at = coalesce(j.ended_at, ?), exit_code = 0, nevents = u.nevents,
                   updated_at = ?
              FROM unnest(?::bigint[], ?::bigint[]) AS u(id, nevents)
             WHERE j.id = u.id AND j.state IN ('submitting', 'queued', 'running', 'held')""";

    private final DataSource ledger;
    private final Retry retry;
    private final Clock clock;

    public JobTransitions(DataSource ledger, Retry retry, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Step one of a submission: the rows go {@code submitting} under {@code batchToken}. Returns
     * the rows taken; a key that is live in the ledger is not taken and not returned.
     */
    public List<LedgerJob> takeForSubmission(List<NewJob> jobs, String batchToken) throws SQLException {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "take " + jobs.size() + " jobs for submission", c -> {
            try (PreparedStatement s = c.prepareStatement(TAKE)) {
                s.setString(1, batchToken);
                SqlTimes.set(s, 2, now);
                SqlTimes.set(s, 3, now);
                s.setArray(4, SqlArrays.texts(c, jobs.stream().map(j -> j.key().job().production()).toList()));
                s.setArray(5, SqlArrays.texts(c, jobs.stream().map(j -> j.key().namespace().dsttype()).toList()));
                s.setArray(6, SqlArrays.texts(c, jobs.stream().map(j -> j.key().namespace().dataset()).toList()));
                s.setArray(7, SqlArrays.texts(c, jobs.stream().map(j -> j.key().namespace().tag().toString()).toList()));
                s.setArray(8, SqlArrays.ints(c, jobs.stream().map(j -> j.key().job().run()).toList()));
                s.setArray(9, SqlArrays.ints(c, jobs.stream().map(j -> j.key().job().segment()).toList()));
                s.setArray(10, SqlArrays.texts(c, jobs.stream().map(j -> j.key().job().leaf()).toList()));
                s.setArray(11, SqlArrays.ints(c, jobs.stream().map(NewJob::memoryRung).toList()));
                s.setArray(12, SqlArrays.ints(c, jobs.stream().map(NewJob::requestMib).toList()));
                s.setArray(13, SqlArrays.texts(c, jobs.stream().map(NewJob::revision).toList()));
                s.setArray(14, SqlArrays.texts(c, jobs.stream().map(NewJob::rerunToken).toList()));
                s.setArray(15, SqlArrays.texts(c, jobs.stream().map(j -> String.join("\n", j.inputs())).toList()));
                return read(s);
            }
        });
    }

    /** Step three: the batch system accepted the jobs; each row learns its id. Returns rows moved to {@code queued}. */
    public int recordSubmitted(String batchToken, List<SubmittedRow> submitted) throws SQLException {
        if (submitted.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "record " + submitted.size() + " submitted jobs", c -> {
            try (PreparedStatement s = c.prepareStatement(RECORD_SUBMITTED)) {
                SqlTimes.set(s, 1, now);
                SqlTimes.set(s, 2, now);
                s.setArray(3, SqlArrays.longs(c, submitted.stream().map(SubmittedRow::jobId).toList()));
                s.setArray(4, SqlArrays.longs(c, submitted.stream().map(SubmittedRow::cluster).toList()));
                s.setArray(5, SqlArrays.ints(c, submitted.stream().map(SubmittedRow::proc).toList()));
                s.setArray(6, SqlArrays.texts(c, submitted.stream().map(SubmittedRow::schedd).toList()));
                s.setString(7, batchToken);
                return s.executeUpdate();
            }
        });
    }

    /** The batch system refused the submission and queued nothing: the rows may go again at once. */
    public int submissionLost(String batchToken, List<Long> jobIds) throws SQLException {
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "lose submission " + batchToken, c -> {
            try (PreparedStatement s = c.prepareStatement(SUBMISSION_LOST)) {
                SqlTimes.set(s, 1, now);
                s.setArray(2, SqlArrays.longs(c, jobIds));
                s.setString(3, batchToken);
                return s.executeUpdate();
            }
        });
    }

    /** A job in the queue under our key: inserted, or a {@code submitting}/{@code lost} row takes its id. */
    public boolean adopt(AdoptedJob job) throws SQLException {
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "adopt " + job.key(), c -> {
            try (PreparedStatement s = c.prepareStatement(ADOPT)) {
                JobKey k = job.key().job();
                OutputNamespace n = job.key().namespace();
                s.setString(1, k.production());
                s.setString(2, n.dsttype());
                s.setString(3, n.dataset());
                s.setString(4, n.tag().toString());
                s.setInt(5, k.run());
                s.setInt(6, k.segment());
                s.setString(7, k.leaf());
                s.setString(8, job.state().dbName());
                s.setInt(9, job.requestMib());
                s.setLong(10, job.cluster());
                s.setInt(11, job.proc());
                s.setString(12, job.schedd());
                s.setString(13, job.batchToken());
                s.setString(14, job.revision());
                s.setString(15, job.rerunToken());
                SqlTimes.set(s, 16, job.queuedAt());
                SqlTimes.set(s, 17, now);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** A {@code submitting} row whose job never appeared: {@code lost}, free to go again. */
    public boolean resetStale(long jobId, String batchToken) throws SQLException {
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "reset job " + jobId, c -> {
            try (PreparedStatement s = c.prepareStatement(RESET_STALE)) {
                SqlTimes.set(s, 1, now);
                s.setLong(2, jobId);
                s.setString(3, batchToken);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The rows whose own jobs were removed from the queue by the operator. */
    public int killed(List<SubmittedRow> jobs) throws SQLException {
        if (jobs.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "kill " + jobs.size() + " jobs", c -> {
            try (PreparedStatement s = c.prepareStatement(KILLED)) {
                SqlTimes.set(s, 1, now);
                SqlTimes.set(s, 2, now);
                s.setArray(3, SqlArrays.longs(c, jobs.stream().map(SubmittedRow::jobId).toList()));
                s.setArray(4, SqlArrays.longs(c, jobs.stream().map(SubmittedRow::cluster).toList()));
                s.setArray(5, SqlArrays.ints(c, jobs.stream().map(SubmittedRow::proc).toList()));
                s.setArray(6, SqlArrays.texts(c, jobs.stream().map(SubmittedRow::schedd).toList()));
                return s.executeUpdate();
            }
        });
    }

    /** Failed for good, with the hold that ended it remembered when there was one. */
    public int failed(long jobId, Optional<HoldRecord> hold) throws SQLException {
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "fail job " + jobId, c -> {
            if (hold.isPresent()) {
                insertHold(c, jobId, hold.get());
            }
            try (PreparedStatement s = c.prepareStatement(FAILED)) {
                SqlTimes.set(s, 1, now);
                SqlTimes.set(s, 2, now);
                s.setArray(3, SqlArrays.longs(c, List.of(jobId)));
                return s.executeUpdate();
            }
        });
    }

    /** A held job released at a new memory request; the hold joins the job's history in the same transaction. */
    public boolean released(SubmittedRow job, HoldRecord hold, int requestMib) throws SQLException {
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "release job " + job.jobId(), c -> {
            insertHold(c, job.jobId(), hold);
            try (PreparedStatement s = c.prepareStatement(RELEASED)) {
                s.setInt(1, requestMib);
                SqlTimes.set(s, 2, now);
                s.setLong(3, job.jobId());
                s.setLong(4, job.cluster());
                s.setInt(5, job.proc());
                s.setString(6, job.schedd());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Harvested: the outputs are in place and catalogued. */
    public int succeeded(List<Long> jobIds, List<Long> nevents) throws SQLException {
        if (jobIds.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "close " + jobIds.size() + " jobs", c -> {
            try (PreparedStatement s = c.prepareStatement(SUCCEEDED)) {
                SqlTimes.set(s, 1, now);
                SqlTimes.set(s, 2, now);
                s.setArray(3, SqlArrays.longs(c, jobIds));
                s.setArray(4, SqlArrays.longs(c, nevents));
                return s.executeUpdate();
            }
        });
    }

    // the memory asked for is the row's own request at the time of the hold, whatever the record says
    private static void insertHold(Connection c, long jobId, HoldRecord hold) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_HOLD)) {
            SqlTimes.set(s, 1, hold.at());
            s.setInt(2, hold.hold().code());
            s.setInt(3, hold.hold().subcode());
            s.setString(4, hold.hold().reason());
            s.setLong(5, jobId);
            s.executeUpdate();
        }
    }

    private static List<LedgerJob> read(PreparedStatement s) throws SQLException {
        List<LedgerJob> jobs = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                jobs.add(JobRows.read(rs));
            }
        }
        return jobs;
    }

    /** A ledger row and the batch job that is (or was) its own, on the schedd that holds it ('' when unnamed). */
    public record SubmittedRow(long jobId, long cluster, int proc, String schedd) {

        public SubmittedRow {
            Objects.requireNonNull(schedd, "schedd");
        }

        /** A row's job on the unnamed schedd. */
        public SubmittedRow(long jobId, long cluster, int proc) {
            this(jobId, cluster, proc, "");
        }

        public static SubmittedRow of(long jobId, BatchJobId job) {
            return new SubmittedRow(jobId, job.cluster(), job.proc(), job.schedd());
        }
    }

    /** A job found in the queue, to be recorded under its key. */
    public record AdoptedJob(LedgerKey key, LedgerState state, int requestMib, long cluster, int proc, String batchToken,
                             String revision, String rerunToken, Instant queuedAt, String schedd) {

        /** A job of the unnamed schedd. */
        public AdoptedJob(LedgerKey key, LedgerState state, int requestMib, long cluster, int proc, String batchToken,
                          String revision, String rerunToken, Instant queuedAt) {
            this(key, state, requestMib, cluster, proc, batchToken, revision, rerunToken, queuedAt, "");
        }

        public AdoptedJob {
            Objects.requireNonNull(schedd, "schedd");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(batchToken, "batchToken");
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(rerunToken, "rerunToken");
            Objects.requireNonNull(queuedAt, "queuedAt");
        }
    }
}
