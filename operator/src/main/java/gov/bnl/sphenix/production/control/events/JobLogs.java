package gov.bnl.sphenix.production.control.events;

import gov.bnl.sphenix.production.batch.JobFiles;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a job's logs are: its stdout, its stderr and the batch system's log of it. A failure's
 * event ends with them ({@link #describe()}), so the audit log keeps them for
 * {@code prodctl status --failed} long after the Kubernetes Event has expired.
 */
public record JobLogs(Path out, Path err, Path batchLog) {

    // Paths are made of the job's output stem and the layout's directories, which never hold ", ".
    private static final Pattern DESCRIBED = Pattern.compile("logs: out (\\S.*?), err (\\S.*?), batch log (\\S.*?)\\)?$");

    public JobLogs {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(batchLog, "batchLog");
    }

    public static JobLogs of(JobFiles files) {
        return new JobLogs(files.stdout(), files.stderr(), files.batchLog());
    }

    /** {@code logs: out <path>, err <path>, batch log <path>}. */
    public String describe() {
        return "logs: out " + out + ", err " + err + ", batch log " + batchLog;
    }

    /** The logs a failure's message names at its end, if it names them. */
    public static Optional<JobLogs> in(String message) {
        Matcher m = DESCRIBED.matcher(message);
        return m.find() ? Optional.of(new JobLogs(Path.of(m.group(1)), Path.of(m.group(2)), Path.of(m.group(3))))
                : Optional.empty();
    }
}
