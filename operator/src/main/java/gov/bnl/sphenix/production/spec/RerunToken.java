package gov.bnl.sphenix.production.spec;

import java.util.Objects;

/**
 * A request to redo runs: changing the token of a run range makes the planner kill live jobs of
 * those runs, delete their outputs and submit them anew — once per token value, never in a loop.
 */
public record RerunToken(RunSet runs, String token) {

    public RerunToken {
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(token, "token");
    }
}
