package gov.bnl.sphenix.production.control.events;

import gov.bnl.sphenix.production.catalog.ledger.AuditEntry;
import gov.bnl.sphenix.production.catalog.ledger.AuditLog;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the events of one pass. Each is logged as it happens; at the end of the pass they go
 * to the audit log in one statement (events on Kubernetes expire after an hour, the audit log does
 * not).
 */
public final class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger("gov.bnl.sphenix.production.events");

    private final Clock clock;
    private final List<EngineEvent> events = new ArrayList<>();

    public EventLog(Clock clock) {
        this.clock = clock;
    }

    public void info(String production, String kind, String message) {
        add(new EngineEvent(clock.instant(), production, kind, message, false));
    }

    public void warning(String production, String kind, String message) {
        add(new EngineEvent(clock.instant(), production, kind, message, true));
    }

    private synchronized void add(EngineEvent event) {
        events.add(event);
        // the production and the kind as fields too, so a log collector can select by them
        (event.warning() ? LOG.atWarn() : LOG.atInfo())
                .addKeyValue("production", event.production())
                .addKeyValue("kind", event.kind())
                .log("{}", event);
    }

    public synchronized List<EngineEvent> events() {
        return List.copyOf(events);
    }

    /** Writes the pass's events to the audit log under {@code revision}. */
    public void flushTo(AuditLog audit, String revision) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        for (EngineEvent e : events()) {
            entries.add(new AuditEntry(e.at(), e.production().isEmpty() ? Optional.empty() : Optional.of(e.production()),
                    e.kind(), "", e.message(), revision));
        }
        audit.append(entries);
    }
}
