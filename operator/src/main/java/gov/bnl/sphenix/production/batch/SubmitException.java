package gov.bnl.sphenix.production.batch;

import java.util.List;

/**
 * A submission failed. {@link #outcomeUnknown()} says whether jobs of the failed call may have
 * entered the queue anyway (the command timed out or its answer was unreadable): the caller must
 * then look for their batch tokens in the queue before it submits the same keys again, or it makes
 * duplicates. {@link #submitted()} lists the jobs known to be queued by earlier calls of the same
 * submission.
 */
public class SubmitException extends BatchSystemException {

    private static final long serialVersionUID = 1L;

    private final boolean outcomeUnknown;
    private final transient List<Submission.SubmittedJob> submitted;

    public SubmitException(String message, boolean outcomeUnknown, List<Submission.SubmittedJob> submitted) {
        super(message);
        this.outcomeUnknown = outcomeUnknown;
        this.submitted = List.copyOf(submitted);
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    public List<Submission.SubmittedJob> submitted() {
        return submitted;
    }
}
