package gov.bnl.sphenix.production.ops;

import java.util.Objects;

/** Whether the process can do its work now, and in words why (or why not): what /readyz answers. */
public record Readiness(boolean ready, String reason) {

    public Readiness {
        Objects.requireNonNull(reason, "reason");
    }

    public static Readiness ready(String reason) {
        return new Readiness(true, reason);
    }

    public static Readiness notReady(String reason) {
        return new Readiness(false, reason);
    }
}
