package gov.bnl.sphenix.production.control.events;

import gov.bnl.sphenix.production.catalog.ledger.AuditEntry;
import gov.bnl.sphenix.production.catalog.ledger.AuditLog;
import gov.bnl.sphenix.production.job.JobKey;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Collects the events of one pass. Each is logged as it happens; at the end of the pass they go
 * to the audit log in one statement (events on Kubernetes expire after an hour, the audit log does
 * not).
 */
public final class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger("gov.bnl.sphenix.production.events");

    private final Clock clock;
    private final List<EngineEvent> events = new ArrayList<>();
    private Optional<String> revision = Optional.empty();

    public EventLog(Clock clock) {
        this.clock = clock;
    }

    /** The specs commit the events from now on are about: a pass's revision in force, a refresh's head. */
    public synchronized void revision(String commitId) {
        revision = Optional.of(commitId);
    }

    public void info(String production, EventKind kind, String message) {
        add(production, Optional.empty(), kind, message, false);
    }

    public void warning(String production, EventKind kind, String message) {
        add(production, Optional.empty(), kind, message, true);
    }

    /** An event about one job. */
    public void info(JobKey job, EventKind kind, String message) {
        add(job.production(), Optional.of(job), kind, message, false);
    }

    /** An event about {@code jobs} of {@code production}, which names the job when there is only one. */
    public void info(String production, List<JobKey> jobs, EventKind kind, String message) {
        add(production, jobs.size() == 1 ? Optional.of(jobs.get(0)) : Optional.empty(), kind, message, false);
    }

    /** A warning about one job. */
    public void warning(JobKey job, EventKind kind, String message) {
        add(job.production(), Optional.of(job), kind, message, true);
    }

    /**
     * A job that failed for good: a warning whose message ends with where its logs are, so that the
     * Event, the log line and the audit log all point a shift person at them.
     */
    public void failed(JobKey job, String message, JobLogs logs) {
        add(job.production(), Optional.of(job), EventKind.FAILED, message + " (" + logs.describe() + ")", true,
                Optional.of(logs));
    }

    private void add(String production, Optional<JobKey> job, EventKind kind, String message, boolean warning) {
        add(production, job, kind, message, warning, Optional.empty());
    }

    private synchronized void add(String production, Optional<JobKey> job, EventKind kind, String message,
                                  boolean warning, Optional<JobLogs> logs) {
        EngineEvent event = new EngineEvent(clock.instant(), production, kind, message, warning, job, revision, logs);
        events.add(event);
        // what the event is about as fields too, so a log collector can select by them
        LoggingEventBuilder line = (warning ? LOG.atWarn() : LOG.atInfo())
                .addKeyValue("production", production)
                .addKeyValue("kind", kind.spelling());
        job.ifPresent(key -> line.addKeyValue("job", key.toString()));
        revision.ifPresent(commit -> line.addKeyValue("revision", commit));
        line.log("{}", event);
    }

    public synchronized List<EngineEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Writes the pass's events to the audit log under {@code revision}; an event about one job has
     * the job's name as its subject, which {@code prodctl status --failed} looks failures up by.
     */
    public void flushTo(AuditLog audit, String revision) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        for (EngineEvent e : events()) {
            entries.add(new AuditEntry(e.at(), e.production().isEmpty() ? Optional.empty() : Optional.of(e.production()),
                    e.kind().spelling(), e.job().map(JobKey::jobName).orElse(""), e.message(), revision));
        }
        audit.append(entries);
    }
}
