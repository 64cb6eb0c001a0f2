package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.AdoptedJob;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.SubmittedRow;
import gov.bnl.sphenix.production.job.HoldRecord;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The moves of a submitted job's row that the engine's actions and harvest make. Each is guarded
 * by the state the row must be in, so a move made on a slightly old view changes nothing rather
 * than harm.
 */
public interface JobMoves {

    /** A queued job the ledger had no id for becomes the key's row; false when a live row holds the key. */
    boolean adopt(AdoptedJob job) throws SQLException;

    /** A row {@code submitting} for too long under {@code batchToken} becomes {@code lost}. */
    boolean resetStale(long jobId, String batchToken) throws SQLException;

    /** Jobs the operator removed from the queue. */
    int killed(List<SubmittedRow> jobs) throws SQLException;

    /** A job failed for good, with the hold that stopped it if there was one. */
    int failed(long jobId, Optional<HoldRecord> hold) throws SQLException;

    /** A held job released with a new memory request; its hold is remembered. */
    boolean released(SubmittedRow job, HoldRecord hold, int requestMib) throws SQLException;

    /** Harvested jobs, with the events each produced. */
    int succeeded(List<Long> jobIds, List<Long> nevents) throws SQLException;
}
