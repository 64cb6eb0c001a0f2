package gov.bnl.sphenix.production.catalog.ledger;

import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.SubmittedRow;
import java.sql.SQLException;
import java.util.List;

/**
 * The ledger's part of the submission protocol (docs/engine.md): rows taken under a fresh batch
 * token before anything is queued, then either the batch system's ids recorded or the submission
 * marked lost. A key live in the ledger is never taken twice.
 */
public interface SubmissionSteps {

    /** Rows {@code submitting} under {@code batchToken} for the keys no live row holds; the rows taken. */
    List<LedgerJob> takeForSubmission(List<NewJob> jobs, String batchToken) throws SQLException;

    /** Records each submitted row's batch job id; only rows still {@code submitting} under the token move. */
    int recordSubmitted(String batchToken, List<SubmittedRow> submitted) throws SQLException;

    /** The batch system queued nothing: the rows become {@code lost}, free to go again. */
    int submissionLost(String batchToken, List<Long> jobIds) throws SQLException;
}
