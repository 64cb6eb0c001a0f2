package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.SqlTimes;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The job ledger: one row per job key, ever. Writes are set-based (one statement for a whole
 * submission or a whole queue observation) and every read goes to the primary, because this
 * table is what stops a job from being submitted twice.
 *
 * <p>This class reads the ledger and writes queue observations ({@link #apply}) and cleanups
 * ({@link #forget}); every move of a job through submission, hold, release and harvest is a
 * {@link JobTransitions} move, guarded by the state the row must be in.
 *
 * <p>A production's rows are those of its name <em>and</em> of the identity (dsttype, dataset, tag)
 * the {@link ProductionRegistry} records for it. Rows always carried their namespace; keying the
 * reads on it too means a name removed and later declared again with another tag starts afresh,
 * while the old tag's rows stay, as history and as proof of which old outputs the operator made.
 */
public final class JobLedger implements LedgerView, LedgerUpkeep {

    private static final int FETCH_SIZE = 5_000;

    private static final String APPLY = """
            UPDATE job j
               SET state      = u.state,
                   started_at = coalesce(u.started_at, j.started_at),
                   ended_at   = coalesce(u.ended_at, j.ended_at),
                   exit_code  = coalesce(u.exit_code, j.exit_code),
                   nevents    = coalesce(u.nevents, j.nevents),
                   updated_at = ?
              FROM unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::integer[], ?::bigint[])
                   AS u(id, state, started_at, ended_at, exit_code, nevents)
             WHERE j.id = u.id""";

    // Every column but the recorded inputs: long, and only deletions need them. Only the rows of the
    // identity the production is recorded with (all of them while none is recorded): a name declared
    // again with a new tag must not find the old tag's finished rows and take them for its own. The
    // rows in the states asked for, and in the other states those of the keys asked for (through the
    // job_key index): a pass reads its work, not the production's history.
    private static final String OF_PRODUCTION = """
            SELECT j.id, j.production, j.dsttype, j.dataset, j.tag, j.run, j.segment, j.leaf, j.state, j.attempt,
                   j.memory_rung, j.request_mib, j.cluster_id, j.proc_id, j.schedd, j.batch_token, j.submitted_at, j.started_at,
                   j.ended_at, j.exit_code, j.nevents, j.revision, j.rerun_token
              FROM job j JOIN production p ON p.name = j.production
             WHERE j.production = ? AND j.state = ANY (?)
               AND (p.tag IS NULL OR (j.dsttype, j.dataset, j.tag) = (p.dsttype, p.dataset, p.tag))
            UNION ALL
            SELECT j.id, j.production, j.dsttype, j.dataset, j.tag, j.run, j.segment, j.leaf, j.state, j.attempt,
                   j.memory_rung, j.request_mib, j.cluster_id, j.proc_id, j.schedd, j.batch_token, j.submitted_at, j.started_at,
                   j.ended_at, j.exit_code, j.nevents, j.revision, j.rerun_token
              FROM job j JOIN production p ON p.name = j.production
                   JOIN unnest(?::int[], ?::int[], ?::text[]) AS k(run, segment, leaf)
                     ON j.run = k.run AND j.segment = k.segment AND j.leaf = k.leaf
             WHERE j.production = ? AND j.dsttype = ? AND j.dataset = ? AND j.tag = ? AND NOT (j.state = ANY (?))
               AND (p.tag IS NULL OR (j.dsttype, j.dataset, j.tag) = (p.dsttype, p.dataset, p.tag))
             ORDER BY 6, 7, 8""";

    // for many productions at once: a pass asks for all of them, one statement instead of one each
    private static final String RUN_STANDING = """
            SELECT production, count(*) FILTER (WHERE done), max(run), min(run) FILTER (WHERE NOT done),
                   coalesce(array_agg(run ORDER BY run) FILTER (WHERE done), '{}')
              FROM (SELECT j.production, j.run, bool_and(j.state = 'succeeded') AS done
                      FROM job j JOIN production p ON p.name = j.production
                     WHERE j.production = ANY (?)
                       AND (p.tag IS NULL OR (j.dsttype, j.dataset, j.tag) = (p.dsttype, p.dataset, p.tag))
                     GROUP BY j.production, j.run) runs
             GROUP BY production""";

    private static final String RETIRED_TOKENS = """
            SELECT DISTINCT j.batch_token FROM job j JOIN production p ON p.name = j.production
             WHERE j.batch_token = ANY (?) AND p.tag IS NOT NULL
               AND (j.dsttype, j.dataset, j.tag) <> (p.dsttype, p.dataset, p.tag)""";

    private static final String LIVE_INPUTS = """
            SELECT production, run, segment, leaf, inputs FROM job WHERE state = ANY (?)""";

    private static final String OLDEST_LIVE_SUBMISSION = """
            SELECT min(submitted_at) AS min FROM job
             WHERE state IN ('submitting', 'queued', 'running', 'held')""";

    private static final String COUNTS = """
            SELECT j.production, j.state, count(*) FROM job j JOIN production p ON p.name = j.production
             WHERE j.production = ANY (?)
               AND (p.tag IS NULL OR (j.dsttype, j.dataset, j.tag) = (p.dsttype, p.dataset, p.tag))
             GROUP BY j.production, j.state""";

    private static final String HOLDS = """
            SELECT held_at, code, subcode, reason, request_mib FROM job_hold WHERE job_id = ? ORDER BY held_at""";

    private static final String HOLDS_OF_PRODUCTIONS = """
            SELECT j.production, h.job_id, h.held_at, h.code, h.subcode, h.reason, h.request_mib
              FROM job_hold h JOIN job j ON j.id = h.job_id
             WHERE j.production = ANY (?) ORDER BY h.job_id, h.held_at""";

    private static final String FORGET = "DELETE FROM job WHERE production = ? AND id = ANY (?)";

    private final DataSource ledger;
    private final Retry retry;
    private final Clock clock;

    public JobLedger(DataSource ledger, Retry retry, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Applies what the queue said about many jobs in one statement. */
    public int apply(Collection<JobUpdate> updates) throws SQLException {
        if (updates.isEmpty()) {
            return 0;
        }
        List<JobUpdate> list = List.copyOf(updates);
        Instant now = clock.instant();
        return Transactions.run(ledger, retry, "apply " + list.size() + " job updates", c -> {
            try (PreparedStatement s = c.prepareStatement(APPLY)) {
                SqlTimes.set(s, 1, now);
                s.setArray(2, SqlArrays.longs(c, list.stream().map(JobUpdate::jobId).toList()));
                s.setArray(3, SqlArrays.texts(c, list.stream().map(u -> u.state().dbName()).toList()));
                s.setArray(4, SqlArrays.texts(c, list.stream().map(u -> SqlTimes.iso(u.startedAt().orElse(null))).toList()));
                s.setArray(5, SqlArrays.texts(c, list.stream().map(u -> SqlTimes.iso(u.endedAt().orElse(null))).toList()));
                s.setArray(6, c.createArrayOf("integer", list.stream()
                        .map(u -> u.exitCode().isPresent() ? u.exitCode().getAsInt() : null).toArray()));
                s.setArray(7, c.createArrayOf("bigint", list.stream()
                        .map(u -> u.nevents().isPresent() ? u.nevents().getAsLong() : null).toArray()));
                return s.executeUpdate();
            }
        });
    }

    /**
     * Streams a production's jobs in the given states to {@code sink}, through a cursor: a
     * production of a million jobs never sits in memory whole. The sink must tolerate seeing a job
     * twice if a transient failure makes the read start over.
     */
    public void jobs(String production, Collection<LedgerState> states, Consumer<LedgerJob> sink) throws SQLException {
        rows(production, states, Optional.empty(), List.of(), sink);
    }

    /**
     * Streams a production's unfinished rows (submitting, queued, running, held, killed, lost) and
     * its finished rows (succeeded, failed) of {@code keys} in {@code namespace}, sorted by key: what
     * a pass works on, whatever the history of the production. The sink must tolerate seeing a job
     * twice if a transient failure makes the read start over.
     */
    @Override
    public void working(String production, OutputNamespace namespace, Collection<JobKey> keys, Consumer<LedgerJob> sink)
            throws SQLException {
        rows(production, java.util.Arrays.stream(LedgerState.values()).filter(state -> !state.isFinished()).toList(),
                Optional.of(namespace), keys, sink);
    }

    /** A production's rows in {@code states}, and its rows of {@code keys} in {@code namespace} in the other states. */
    private void rows(String production, Collection<LedgerState> states, Optional<OutputNamespace> namespace,
                      Collection<JobKey> keys, Consumer<LedgerJob> sink) throws SQLException {
        List<JobKey> asked = List.copyOf(keys);
        List<String> wanted = states.stream().map(LedgerState::dbName).toList();
        Transactions.run(ledger, retry, "jobs of " + production, c -> {
            try (PreparedStatement s = c.prepareStatement(OF_PRODUCTION)) {
                s.setString(1, production);
                s.setArray(2, SqlArrays.texts(c, wanted));
                s.setArray(3, c.createArrayOf("integer", asked.stream().map(JobKey::run).toArray()));
                s.setArray(4, c.createArrayOf("integer", asked.stream().map(JobKey::segment).toArray()));
                s.setArray(5, SqlArrays.texts(c, asked.stream().map(JobKey::leaf).toList()));
                s.setString(6, production);
                s.setString(7, namespace.map(OutputNamespace::dsttype).orElse(""));
                s.setString(8, namespace.map(OutputNamespace::dataset).orElse(""));
                s.setString(9, namespace.map(n -> n.tag().toString()).orElse(""));
                s.setArray(10, SqlArrays.texts(c, wanted));
                streamRows(s, sink);
            }
            return null;
        });
    }

    /** Hands each row of the statement's result to {@code sink}, through a cursor. */
    private static void streamRows(PreparedStatement s, Consumer<LedgerJob> sink) throws SQLException {
        s.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sink.accept(JobRows.read(rs));
            }
        }
    }

    @Override
    public RunStanding runStanding(String production) throws SQLException {
        return runStandings(List.of(production)).get(production);
    }

    @Override
    public Map<String, RunStanding> runStandings(Collection<String> productions) throws SQLException {
        List<String> names = List.copyOf(new java.util.LinkedHashSet<>(productions));
        return Transactions.run(ledger, retry, "runs of " + names.size() + " productions", c -> {
            Map<String, RunStanding> standings = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(RUN_STANDING)) {
                s.setArray(1, SqlArrays.texts(c, names));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        standings.put(rs.getString(1), new RunStanding(rs.getLong(2),
                                Optional.ofNullable((Integer) rs.getObject(3)),
                                Optional.ofNullable((Integer) rs.getObject(4)),
                                List.of((Integer[]) rs.getArray(5).getArray())));
                    }
                }
            }
            // a production without rows has no run done
            names.forEach(name -> standings.putIfAbsent(name, RunStanding.NONE));
            return standings;
        });
    }

    @Override
    public Set<String> retiredTokens(Collection<String> batchTokens) throws SQLException {
        List<String> tokens = batchTokens.stream().filter(t -> !t.isEmpty()).distinct().toList();
        if (tokens.isEmpty()) {
            return Set.of();
        }
        return Transactions.run(ledger, retry, "retired batch tokens", c -> {
            try (PreparedStatement s = c.prepareStatement(RETIRED_TOKENS)) {
                s.setArray(1, SqlArrays.texts(c, tokens));
                Set<String> retired = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        retired.add(rs.getString(1));
                    }
                }
                return retired;
            }
        });
    }

    /** The input files a live job was submitted to read; empty when not recorded. */
    public record LiveInputs(String production, int run, int segment, String leaf, Optional<List<String>> inputs) {
    }

    /**
     * Streams the recorded inputs of every live job of every production (declared, removed or
     * unknown to the specs in force) to {@code sink}, through a cursor. The sink must tolerate
     * seeing a job twice if a transient failure makes the read start over.
     */
    public void liveInputs(Consumer<LiveInputs> sink) throws SQLException {
        Transactions.run(ledger, retry, "inputs of live jobs", c -> {
            try (PreparedStatement s = c.prepareStatement(LIVE_INPUTS)) {
                s.setArray(1, SqlArrays.texts(c, LedgerState.live().stream().map(LedgerState::dbName).toList()));
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String inputs = rs.getString(5);
                        sink.accept(new LiveInputs(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                                Optional.ofNullable(inputs).map(i -> i.isEmpty() ? List.of() : List.of(i.split("\n")))));
                    }
                }
            }
            return null;
        });
    }

    /**
     * When the oldest job the ledger holds live was submitted (or is being submitted); empty when no
     * job is live. The batch system's history before then holds nothing a live row waits for.
     */
    public Optional<Instant> oldestLiveSubmission() throws SQLException {
        return Transactions.run(ledger, retry, "oldest live submission", c -> {
            try (PreparedStatement s = c.prepareStatement(OLDEST_LIVE_SUBMISSION);
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return SqlTimes.get(rs, "min");
            }
        });
    }

    /** How many jobs of a production are in each state (states without jobs are absent). */
    @Override
    public Map<LedgerState, Long> counts(String production) throws SQLException {
        return counts(List.of(production)).get(production);
    }

    @Override
    public Map<String, Map<LedgerState, Long>> counts(Collection<String> productions) throws SQLException {
        List<String> names = List.copyOf(new java.util.LinkedHashSet<>(productions));
        return Transactions.run(ledger, retry, "job counts of " + names.size() + " productions", c -> {
            Map<String, Map<LedgerState, Long>> counts = new HashMap<>();
            names.forEach(name -> counts.put(name, new EnumMap<>(LedgerState.class)));
            try (PreparedStatement s = c.prepareStatement(COUNTS)) {
                s.setArray(1, SqlArrays.texts(c, names));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.get(rs.getString(1)).put(LedgerState.fromDb(rs.getString(2)), rs.getLong(3));
                    }
                }
            }
            return counts;
        });
    }

    public List<HoldRecord> holds(long jobId) throws SQLException {
        return Transactions.run(ledger, retry, "holds of job " + jobId, c -> {
            List<HoldRecord> holds = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(HOLDS)) {
                s.setLong(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        holds.add(readHold(rs));
                    }
                }
            }
            return holds;
        });
    }

    /** Every remembered hold of a production's jobs, by ledger id, oldest first. */
    @Override
    public Map<Long, List<HoldRecord>> holdsOf(String production) throws SQLException {
        return holdsOf(List.of(production)).get(production);
    }

    /** Every remembered hold of these productions' jobs, by production and ledger id, oldest first: one query for a whole pass. */
    @Override
    public Map<String, Map<Long, List<HoldRecord>>> holdsOf(Collection<String> productions) throws SQLException {
        List<String> names = List.copyOf(new java.util.LinkedHashSet<>(productions));
        return Transactions.run(ledger, retry, "holds of " + names.size() + " productions", c -> {
            Map<String, Map<Long, List<HoldRecord>>> holds = new HashMap<>();
            names.forEach(name -> holds.put(name, new HashMap<>()));
            try (PreparedStatement s = c.prepareStatement(HOLDS_OF_PRODUCTIONS)) {
                s.setArray(1, SqlArrays.texts(c, names));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        holds.get(rs.getString("production")).computeIfAbsent(rs.getLong("job_id"),
                                id -> new ArrayList<>()).add(readHold(rs));
                    }
                }
            }
            return holds;
        });
    }

    /** Drops ledger rows (and their holds) of a production, after its outputs are gone: the last step of a cleanup. */
    public int forget(String production, Collection<Long> jobIds) throws SQLException {
        return Transactions.run(ledger, retry, "forget " + jobIds.size() + " jobs of " + production, c -> {
            try (PreparedStatement s = c.prepareStatement(FORGET)) {
                s.setString(1, production);
                s.setArray(2, SqlArrays.longs(c, jobIds));
                return s.executeUpdate();
            }
        });
    }

    // a code the batch system did not give (NULL, from older rows) reads as 0, which matches no hold policy
    private static HoldRecord readHold(ResultSet rs) throws SQLException {
        return new HoldRecord(SqlTimes.get(rs, "held_at").orElseThrow(),
                new Hold(rs.getInt("code"), rs.getInt("subcode"), rs.getString("reason")), rs.getInt("request_mib"));
    }
}
