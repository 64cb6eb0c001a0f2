package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.BatchJob;
import gov.bnl.sphenix.production.job.BatchJobId;
import gov.bnl.sphenix.production.job.Hold;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.job.LedgerState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a plan, with the reason in the words of the production team. The executor carries
 * actions out in plan order and records each in the audit log with its reason.
 */
public sealed interface Action {

    /** The production the action is about. */
    String production();

    /** Why, in words a shift crew understands. */
    String reason();

    /** One line for logs and {@code prodctl plan}. */
    String describe();

    /** The job keys the action is about. */
    List<JobKey> keys();

    /**
     * Submit jobs of one production at one memory request. For a key that has a ledger row the
     * row is replaced (its attempt is given here); the executor writes each row {@code SUBMITTING}
     * with a fresh batch token before it calls the batch system.
     */
    record Submit(String production, int memoryMib, int priority, String specHash, List<JobSubmission> jobs,
                  String reason) implements Action {
        public Submit {
            Objects.requireNonNull(production, "production");
            Objects.requireNonNull(specHash, "specHash");
            jobs = List.copyOf(jobs);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public List<JobKey> keys() {
            return jobs.stream().map(JobSubmission::key).toList();
        }

        @Override
        public String describe() {
            return "submit " + jobs.size() + " job" + (jobs.size() == 1 ? "" : "s") + " of " + production + " at "
                    + Words.memory(memoryMib) + ", priority " + priority + ": " + reason;
        }
    }

    /** One job of a {@link Submit}. */
    record JobSubmission(JobKey key, int attempt, String rerunToken, List<String> inputs, SubmitCause cause) {
        public JobSubmission {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(rerunToken, "rerunToken");
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** Release a held job, first setting its memory request to {@code newMemoryMib}; the hold goes to the ledger. */
    record Release(JobKey key, BatchJobId job, int newMemoryMib, Hold hold, String reason) implements Action {
        public Release {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String production() {
            return key.production();
        }

        @Override
        public List<JobKey> keys() {
            return List.of(key);
        }

        @Override
        public String describe() {
            return "release " + job + " (" + key + ") at " + Words.memory(newMemoryMib) + ": " + reason;
        }
    }

    /** Remove a job from the batch queue; the ledger row becomes {@code KILLED} unless a {@link MarkFailed} follows. */
    record Kill(JobKey key, BatchJobId job, String reason) implements Action {
        public Kill {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String production() {
            return key.production();
        }

        @Override
        public List<JobKey> keys() {
            return List.of(key);
        }

        @Override
        public String describe() {
            return "kill " + job + " (" + key + "): " + reason;
        }
    }

    /** Mark a key failed for good; the hold that ended it, if any, is kept for accounting. */
    record MarkFailed(JobKey key, Optional<Hold> hold, String reason) implements Action {
        public MarkFailed {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String production() {
            return key.production();
        }

        @Override
        public List<JobKey> keys() {
            return List.of(key);
        }

        @Override
        public String describe() {
            return "mark " + key + " failed: " + reason;
        }
    }

    /** Record in the ledger a job that is in the batch system under our key (row missing, or still {@code SUBMITTING}). */
    record Adopt(JobKey key, BatchJob job, String reason) implements Action {
        public Adopt {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String production() {
            return key.production();
        }

        @Override
        public List<JobKey> keys() {
            return List.of(key);
        }

        @Override
        public String describe() {
            return "adopt " + job.id() + " as " + key + ": " + reason;
        }

        /**
         * What the ledger records for the adopted job: the state the queue shows, except that a
         * job that already completed waits as running, live, for its harvest.
         */
        public LedgerState recordedAs() {
            return LedgerState.recording(job.state());
        }
    }

    /** A {@code SUBMITTING} row whose submission never reached the queue becomes {@code LOST}, free to submit again. */
    record ResetStale(LedgerRow row, String reason) implements Action {
        public ResetStale {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String production() {
            return row.key().production();
        }

        @Override
        public List<JobKey> keys() {
            return List.of(row.key());
        }

        @Override
        public String describe() {
            return "reset " + row.key() + ": " + reason;
        }
    }

    /** Delete the outputs (files and catalog rows) of these keys of one production. */
    record DeleteOutputs(String production, List<JobKey> keys, String reason) implements Action {
        public DeleteOutputs {
            Objects.requireNonNull(production, "production");
            keys = List.copyOf(keys);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "delete outputs of " + keys.size() + " job" + (keys.size() == 1 ? "" : "s") + " of " + production
                    + ": " + reason;
        }
    }

    /** Report only: an output that would be deleted but is an input of an unfinished job of a live production. */
    record BlockedDeletion(JobKey key, String file, JobKey neededBy, String reason) implements Action {
        public BlockedDeletion {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(neededBy, "neededBy");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String production() {
            return key.production();
        }

        /** The live production whose unfinished job still reads the file. */
        public String blockingProduction() {
            return neededBy.production();
        }

        @Override
        public List<JobKey> keys() {
            return List.of(key);
        }

        @Override
        public String describe() {
            return "not deleting outputs of " + key + ": " + reason;
        }
    }
}
