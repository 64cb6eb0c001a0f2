package gov.bnl.sphenix.production.plan;

import gov.bnl.sphenix.production.job.JobKey;
import java.util.List;

/** A key that may be submitted this pass, with what its submission needs. */
record PendingJob(JobKey key, int attempt, String rerunToken, List<String> inputs, SubmitCause cause, int memoryMib) {

    Action.JobSubmission submission() {
        return new Action.JobSubmission(key, attempt, rerunToken, inputs, cause);
    }
}
