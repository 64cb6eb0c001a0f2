package gov.bnl.sphenix.production.batch;

/** A batch-system command failed or did not answer in time. */
public class BatchSystemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatchSystemException(String message) {
        super(message);
    }

    public BatchSystemException(String message, Throwable cause) {
        super(message, cause);
    }
}
