package gov.bnl.sphenix.production.control.act;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.SubmitException;
import gov.bnl.sphenix.production.batch.Submission;
import gov.bnl.sphenix.production.catalog.files.FileLocation;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.SubmittedRow;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.NewJob;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.control.observe.LedgerRows;
import gov.bnl.sphenix.production.plan.Action;
import gov.bnl.sphenix.production.spec.BatchJobId;
import gov.bnl.sphenix.production.spec.JobKey;
import gov.bnl.sphenix.production.spec.Production;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The submission protocol, which survives a crash at any step:
 *
 * <ol>
 *   <li>the ledger rows go {@code submitting} under a fresh batch token (a key live in the ledger
 *       is not taken — the ledger's unique key is the last guard against a duplicate);</li>
 *   <li>the batch system gets the jobs, each carrying its key and the token as attributes;</li>
 *   <li>the ledger records each job's id.</li>
 * </ol>
 *
 * A crash after 1 leaves {@code submitting} rows with nothing queued: the planner resets them
 * after its timeout. A crash after 2 leaves queued jobs the ledger has no id for: the next pass
 * finds them by key and token and adopts them. Neither submits a job twice.
 */
final class Submitter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BatchSystem batch;
    private final JobTransitions transitions;
    private final JobSpecs jobSpecs;
    private final InputPaths inputs;
    private final CrashPoint crash;

    Submitter(BatchSystem batch, JobTransitions transitions, JobSpecs jobSpecs, InputPaths inputs, CrashPoint crash) {
        this.batch = batch;
        this.transitions = transitions;
        this.jobSpecs = jobSpecs;
        this.inputs = inputs;
        this.crash = crash;
    }

    /** Returns the keys submitted: fewer than asked when some were live in the ledger already. */
    List<JobKey> submit(Action.Submit action, Production spec, boolean rawInputs, String revision) throws SQLException {
        String token = newToken();
        int rung = Math.max(0, spec.memory().positionOf(action.memoryMib()));
        List<NewJob> wanted = new ArrayList<>();
        for (Action.JobSubmission job : action.jobs()) {
            wanted.add(new NewJob(ActionExecutor.ledgerKey(spec, job.key()), rung, action.memoryMib(), revision,
                    job.rerunToken()));
        }
        List<LedgerJob> taken = transitions.takeForSubmission(wanted, token);
        if (taken.isEmpty()) {
            return List.of();
        }
        crash.reached(CrashPoint.Step.AFTER_LEDGER_INSERT);
        Map<JobKey, Action.JobSubmission> byKey = new HashMap<>();
        action.jobs().forEach(j -> byKey.put(j.key(), j));
        List<String> allInputs = taken.stream().flatMap(t -> byKey.get(LedgerRows.key(t)).inputs().stream()).toList();
        Map<String, List<FileLocation>> located = inputs.locate(allInputs, rawInputs);
        List<JobSpec> jobs = new ArrayList<>();
        for (LedgerJob row : taken) {
            JobKey key = LedgerRows.key(row);
            jobs.add(jobSpecs.of(spec, new JobSpecs.Request(key.run(), key.segment(), key.leaf(),
                    spec.rule().params().physicsmode(), InputPaths.paths(byKey.get(key).inputs(), located), token,
                    action.memoryMib())));
        }
        Submission submission;
        try {
            submission = batch.submit(jobs);
        } catch (SubmitException e) {
            if (!e.outcomeUnknown()) {
                transitions.submissionLost(token, taken.stream().map(LedgerJob::id).toList());
            }
            // unknown outcome: the rows stay submitting; the next pass adopts what reached the queue
            throw e;
        }
        crash.reached(CrashPoint.Step.AFTER_SUBMIT);
        Map<JobKey, BatchJobId> ids = submission.idsByKey();
        List<SubmittedRow> recorded = new ArrayList<>();
        for (LedgerJob row : taken) {
            BatchJobId id = ids.get(LedgerRows.key(row));
            if (id != null) {
                recorded.add(new SubmittedRow(row.id(), id.cluster(), id.proc()));
            }
        }
        transitions.recordSubmitted(token, recorded);
        return taken.stream().map(LedgerRows::key).toList();
    }

    /** Unique per submission; short, since it travels as a ClassAd on every job. */
    static String newToken() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "b" + HexFormat.of().formatHex(bytes);
    }
}
