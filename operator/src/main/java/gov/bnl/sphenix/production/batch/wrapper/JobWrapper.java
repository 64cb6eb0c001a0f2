package gov.bnl.sphenix.production.batch.wrapper;

/**
 * The job wrapper: the executable of every job in the operator's job contract. It is a POSIX
 * shell script ({@value WrapperScript#RESOURCE} beside this class) needing only coreutils, because
 * a worker node has a shell and coreutils but no Java of a known version; {@link WrapperLaunch}
 * installs and starts it. See {@link WrapperRequest} for its command line.
 *
 * <ol>
 *   <li>writes the job's input list ({@code inputs.list}) into a fresh staging directory and runs
 *       the payload script with its arguments there;</li>
 *   <li>when it succeeded, publishes each declared output: copy to {@code <destination>.partial},
 *       checksum (md5), rename — a file under its final name is always complete;</li>
 *   <li>writes the {@link Manifest} (also when the payload failed, so the failure and its exit code
 *       are on record) and exits with the payload's exit code.</li>
 * </ol>
 *
 * <p>It never touches a database: the operator harvests manifests in bulk. This class names its
 * exit codes for the operator, which tells infrastructure failures from the payload's own.
 */
public final class JobWrapper {

    /** Wrong command line. */
    public static final int EXIT_USAGE = 64;
    /** The job's input list could not be read from its bundle. */
    public static final int EXIT_INPUTS_UNREADABLE = 66;
    /** The payload succeeded but an output was missing or could not be published. */
    public static final int EXIT_OUTPUTS_FAILED = 74;
    /** The payload script could not be started (missing, not executable). */
    public static final int EXIT_CANNOT_START = 127;

    private JobWrapper() {
    }
}
