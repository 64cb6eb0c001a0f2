package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.catalog.ledger.JobMoves;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.control.events.JobLogs;
import gov.bnl.sphenix.production.control.observe.LedgerRows;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.control.EngineSettings;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Ends a job that will not be harvested, for either job convention: submitted again through the
 * planner's path for a killed job (the row is closed as killed; the next plan submits the key with
 * one more attempt), or failed for good.
 */
final class JobClosing {

    private final JobMoves transitions;
    private final EngineSettings settings;

    /** @param settings where the jobs' logs are, which a failure's event names */
    JobClosing(JobMoves transitions, EngineSettings settings) {
        this.transitions = transitions;
        this.settings = settings;
    }

    /** Returns 1 when the job failed, 0 when it is submitted again. */
    long close(Production production, LedgerJob row, InfrastructureRetry.Verdict verdict, EventLog events)
            throws SQLException {
        if (verdict.resubmit() && LedgerRows.batchJob(row).isPresent()) {
            BatchJobId id = LedgerRows.batchJob(row).get();
            transitions.killed(List.of(JobTransitions.SubmittedRow.of(row.id(), id)));
            events.warning(production.name(), EventKind.RETRY, "job " + jobName(row) + ": " + verdict.reason());
            return 0;
        }
        transitions.failed(row.id(), Optional.empty());
        events.failed(row.key().job(), "job " + jobName(row) + " failed: " + verdict.reason(), logs(production, row));
        return 1;
    }

    private JobLogs logs(Production production, LedgerJob row) {
        return JobLogs.of(settings.jobFiles(production, row.key().output()));
    }

    static String jobName(LedgerJob row) {
        return row.key().job().jobName();
    }
}
