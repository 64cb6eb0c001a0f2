package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.job.HoldRecord;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.spec.OutputNamespace;
import gov.bnl.sphenix.production.job.LedgerState;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reading the ledger, what the engine observes each pass: a production's rows, their holds, and
 * the inputs every live job was submitted to read. Sinks must tolerate seeing a row twice, since
 * a read that fails transiently starts over.
 */
public interface LedgerView {

    /** A production's jobs in the given states, streamed to {@code sink}. */
    void jobs(String production, Collection<LedgerState> states, Consumer<LedgerJob> sink) throws SQLException;

    /**
     * A production's rows that are not finished, and its finished rows of {@code keys} in its
     * {@code namespace}, sorted by key: the rows a pass works on, however long its history.
     */
    void working(String production, OutputNamespace namespace, Collection<JobKey> keys, Consumer<LedgerJob> sink)
            throws SQLException;

    /** How many rows of a production are in each state (states without rows are absent). */
    Map<LedgerState, Long> counts(String production) throws SQLException;

    /** {@link #counts(String)} of each of {@code productions}, in one read. */
    Map<String, Map<LedgerState, Long>> counts(Collection<String> productions) throws SQLException;

    /** Which of a production's runs are done, the newest and the oldest not done, over all its rows. */
    RunStanding runStanding(String production) throws SQLException;

    /** {@link #runStanding(String)} of each of {@code productions}, in one read. */
    Map<String, RunStanding> runStandings(Collection<String> productions) throws SQLException;

    /** Every remembered hold of a production's jobs, by ledger id, oldest first. */
    Map<Long, List<HoldRecord>> holdsOf(String production) throws SQLException;

    /** {@link #holdsOf(String)} of each of {@code productions}, in one read. */
    Map<String, Map<Long, List<HoldRecord>>> holdsOf(Collection<String> productions) throws SQLException;

    /**
     * Which of these batch tokens were given to jobs of an identity their production no longer has
     * (a name removed and declared again with a new tag): the batch system's history still lists
     * those jobs under the same keys, and they are not the new identity's.
     */
    Set<String> retiredTokens(Collection<String> batchTokens) throws SQLException;

    /**
     * When the oldest live job (submitting, queued, running or held) was submitted; empty when none
     * is live. How far back the batch system's history must be read.
     */
    Optional<Instant> oldestLiveSubmission() throws SQLException;

    /** The recorded inputs of every live job of every production, streamed to {@code sink}. */
    void liveInputs(Consumer<JobLedger.LiveInputs> sink) throws SQLException;
}
