package gov.bnl.sphenix.production.control.events;

import gov.bnl.sphenix.production.job.JobKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the engine did or saw, in the production team's words ("submitted 500 jobs for runs
 * 66456–66510"). Goes to the log, the audit log and, under Kubernetes, to Events on the resource.
 *
 * @param production the production, or {@code ""} for events of the specs repository
 * @param warning    true for what a shift person should look at
 * @param job        the job it is about, when it is about one
 * @param revision   the specs commit it is about (the one in force for a pass), when known
 * @param logs       for a job that failed, where its logs are (the message names them too)
 */
public record EngineEvent(Instant at, String production, EventKind kind, String message, boolean warning,
                          Optional<JobKey> job, Optional<String> revision, Optional<JobLogs> logs) {

    /** An event that names no logs. */
    public EngineEvent(Instant at, String production, EventKind kind, String message, boolean warning,
                       Optional<JobKey> job, Optional<String> revision) {
        this(at, production, kind, message, warning, job, revision, Optional.empty());
    }

    public EngineEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(logs, "logs");
    }

    @Override
    public String toString() {
        return (production.isEmpty() ? "" : production + ": ") + message;
    }
}
