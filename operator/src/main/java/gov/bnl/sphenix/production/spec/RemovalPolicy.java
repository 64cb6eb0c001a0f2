package gov.bnl.sphenix.production.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * What happens when a production file is removed from the specs repository (a {@code git revert}):
 * keep everything, kill its jobs, or kill its jobs and, after a grace period, delete its outputs.
 * The grace period leaves time to undo an accidental revert before a single file is gone.
 */
public record RemovalPolicy(Action action, Duration gracePeriod) {

    public static final RemovalPolicy DEFAULT = new RemovalPolicy(Action.KILL, Duration.ZERO);

    public enum Action {
        KEEP("keep"), KILL("kill"), KILL_AND_DELETE_OUTPUTS("kill-and-delete-outputs");

        private final String spelling;

        Action(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }

        public boolean kills() {
            return this != KEEP;
        }

        public boolean deletesOutputs() {
            return this == KILL_AND_DELETE_OUTPUTS;
        }
    }

    public RemovalPolicy {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("grace period is not negative: " + gracePeriod);
        }
    }
}
