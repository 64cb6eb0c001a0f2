package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.batch.JobFiles;
import gov.bnl.sphenix.production.catalog.ledger.JobMoves;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.control.events.EventKind;
import gov.bnl.sphenix.production.control.events.EventLog;
import gov.bnl.sphenix.production.control.events.JobLogs;
import gov.bnl.sphenix.production.control.observe.LedgerRows;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.names.Layout;
import gov.bnl.sphenix.production.spec.names.OutputFile;
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
    private final Layout layout;

    /** @param layout where the jobs' logs are, which a failure's event names */
    JobClosing(JobMoves transitions, Layout layout) {
        this.transitions = transitions;
        this.layout = layout;
    }

    /** Returns 1 when the job failed, 0 when it is submitted again. */
    long close(Production production, LedgerJob row, InfrastructureRetry.Verdict verdict, EventLog events)
            throws SQLException {
        if (verdict.resubmit() && LedgerRows.batchJob(row).isPresent()) {
            BatchJobId id = LedgerRows.batchJob(row).get();
            transitions.killed(List.of(new JobTransitions.SubmittedRow(row.id(), id.cluster(), id.proc())));
            events.warning(production.name(), EventKind.RETRY, "job " + jobName(row) + ": " + verdict.reason());
            return 0;
        }
        transitions.failed(row.id(), Optional.empty());
        events.failed(row.key().job(), "job " + jobName(row) + " failed: " + verdict.reason(), logs(production, row));
        return 1;
    }

    private JobLogs logs(Production production, LedgerJob row) {
        OutputFile dst = row.key().output();
        return JobLogs.of(new JobFiles(layout.logDirectory(dst, production.rule().params().physicsmode()), dst.stem()));
    }

    static String jobName(LedgerJob row) {
        return row.key().job().jobName();
    }
}
