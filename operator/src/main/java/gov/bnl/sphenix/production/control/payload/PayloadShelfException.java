package gov.bnl.sphenix.production.control.payload;

/**
 * The payload of a commit could not be put on the shelf, or what is on the shelf is not what the
 * commit holds: the jobs that would run it are not submitted.
 */
public final class PayloadShelfException extends RuntimeException {

    public PayloadShelfException(String message) {
        super(message);
    }

    public PayloadShelfException(String message, Throwable cause) {
        super(message, cause);
    }
}
