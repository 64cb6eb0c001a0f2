package gov.bnl.sphenix.production.control.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the engine did or saw, in the production team's words ("submitted 500 jobs for runs
 * 66456–66510"). Goes to the log, the audit log and, under Kubernetes, to Events on the resource.
 *
 * @param production the production, or {@code ""} for events of the specs repository
 * @param kind       a short verb: submitted, released, killed, failed, registered, deleted, applied, ...
 * @param warning    true for what a shift person should look at
 */
public record EngineEvent(Instant at, String production, String kind, String message, boolean warning) {

    public EngineEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (production.isEmpty() ? "" : production + ": ") + message;
    }
}
