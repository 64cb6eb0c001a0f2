package gov.bnl.sphenix.production.ops;

import java.util.Objects;

/** Whether the process can do its work now, and in words why (or why not): what /readyz answers. */
public record ProcessReadiness(boolean ready, String reason) {

    public ProcessReadiness {
        Objects.requireNonNull(reason, "reason");
    }

    public static ProcessReadiness ready(String reason) {
        return new ProcessReadiness(true, reason);
    }

    public static ProcessReadiness notReady(String reason) {
        return new ProcessReadiness(false, reason);
    }
}
