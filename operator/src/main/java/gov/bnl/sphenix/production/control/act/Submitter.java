package gov.bnl.sphenix.production.control.act;

import gov.bnl.sphenix.production.batch.BatchSystem;
import gov.bnl.sphenix.production.batch.JobSpec;
import gov.bnl.sphenix.production.batch.JobSpecs;
import gov.bnl.sphenix.production.batch.Submission;
import gov.bnl.sphenix.production.batch.SubmitException;
import gov.bnl.sphenix.production.catalog.files.FileLocation;
import gov.bnl.sphenix.production.catalog.ledger.JobMoves;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions.SubmittedRow;
import gov.bnl.sphenix.production.catalog.ledger.JobTransitions;
import gov.bnl.sphenix.production.catalog.ledger.LedgerJob;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.catalog.ledger.NewJob;
import gov.bnl.sphenix.production.catalog.ledger.SubmissionSteps;
import gov.bnl.sphenix.production.control.CrashPoint;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.Action;
import gov.bnl.sphenix.production.spec.Production;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *
 * <p>A job whose submission cannot even be described (a catalog path the batch system's language
 * cannot carry, a value the spec should have refused) is refused alone: its row fails with the
 * reason and the rest of the action goes on, so one bad job never stops the others.
 */
final class Submitter {

    /** A job not submitted because its description could not be built, and why. */
    record Refusal(JobKey key, String reason) {
    }

    /** What one submit action did: the keys queued and the jobs refused. */
    record Outcome(List<JobKey> submitted, List<Refusal> refused) {
        Outcome {
            submitted = List.copyOf(submitted);
            refused = List.copyOf(refused);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BatchSystem batch;
    private final SubmissionSteps steps;
    private final JobMoves moves;
    private final JobSpecs jobSpecs;
    private final InputPaths inputs;
    private final CrashPoint crash;

    Submitter(BatchSystem batch, SubmissionSteps steps, JobMoves moves, JobSpecs jobSpecs, InputPaths inputs,
              CrashPoint crash) {
        this.batch = batch;
        this.steps = steps;
        this.moves = moves;
        this.jobSpecs = jobSpecs;
        this.inputs = inputs;
        this.crash = crash;
    }

    /**
     * Submits the action's jobs: fewer than asked when some were live in the ledger already or
     * refused. With {@code sphenixprod} they are called in sphenixprod's convention, each with its
     * ledger row's id; else in the operator's.
     */
    Outcome submit(Action.Submit action, Production spec, boolean rawInputs, String revision,
                   Optional<SphenixprodPayload> sphenixprod) throws SQLException {
        jobSpecs.checkPlaces(spec);
        String token = newToken();
        int rung = Math.max(0, spec.memory().positionOf(action.memoryMib()));
        List<NewJob> wanted = new ArrayList<>();
        for (Action.JobSubmission job : action.jobs()) {
            wanted.add(new NewJob(LedgerKey.of(spec, job.key()), rung, action.memoryMib(), revision,
                    job.rerunToken(), job.inputs()));
        }
        List<LedgerJob> taken = steps.takeForSubmission(wanted, token);
        if (taken.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        crash.reached(CrashPoint.Step.AFTER_LEDGER_INSERT);
        Map<JobKey, Action.JobSubmission> byKey = new HashMap<>();
        action.jobs().forEach(j -> byKey.put(j.key(), j));
        List<String> allInputs = taken.stream().flatMap(t -> byKey.get(t.key().job()).inputs().stream()).toList();
        Map<String, List<FileLocation>> located = inputs.locate(allInputs, rawInputs);
        List<JobSpec> jobs = new ArrayList<>();
        List<LedgerJob> described = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (LedgerJob row : taken) {
            JobKey key = row.key().job();
            try {
                JobSpecs.Request request = new JobSpecs.Request(key.run(), key.segment(), key.leaf(),
                        spec.rule().params().physicsmode(), InputPaths.paths(byKey.get(key).inputs(), located), token,
                        action.memoryMib());
                jobs.add(sphenixprod.isPresent() ? jobSpecs.of(spec, request, sphenixprod.get().call(row.id()))
                        : jobSpecs.of(spec, request));
                described.add(row);
            } catch (RuntimeException e) {
                moves.failed(row.id(), Optional.empty());
                refused.add(new Refusal(key, String.valueOf(e.getMessage())));
            }
        }
        if (jobs.isEmpty()) {
            return new Outcome(List.of(), refused);
        }
        Submission submission;
        try {
            submission = batch.submit(jobs);
        } catch (SubmitException e) {
            if (!e.outcomeUnknown()) {
                steps.submissionLost(token, described.stream().map(LedgerJob::id).toList());
            }
            // unknown outcome: the rows stay submitting; the next pass adopts what reached the queue
            throw e;
        } catch (RuntimeException e) {
            // an adapter that refuses a description queued nothing: the rows may go again
            steps.submissionLost(token, described.stream().map(LedgerJob::id).toList());
            throw new SubmitException("the batch system adapter refused the submission: " + e.getMessage(), false,
                    List.of());
        }
        crash.reached(CrashPoint.Step.AFTER_SUBMIT);
        Map<JobKey, BatchJobId> ids = submission.idsByKey();
        List<SubmittedRow> recorded = new ArrayList<>();
        for (LedgerJob row : described) {
            BatchJobId id = ids.get(row.key().job());
            if (id != null) {
                recorded.add(SubmittedRow.of(row.id(), id));
            }
        }
        steps.recordSubmitted(token, recorded);
        return new Outcome(described.stream().map(row -> row.key().job()).toList(), refused);
    }

    /** Unique per submission; short, since it travels as a ClassAd on every job. */
    static String newToken() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "b" + HexFormat.of().formatHex(bytes);
    }
}
