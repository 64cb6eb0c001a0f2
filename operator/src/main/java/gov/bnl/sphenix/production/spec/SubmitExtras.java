package gov.bnl.sphenix.production.spec;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Submit settings of a rule's {@code job} block that sphenixprod hands to HTCondor as written:
 * {@code requirements}, {@code request_disk}, {@code periodichold}, {@code concurrency_limits} and
 * {@code comment} (a note for people reading the queue).
 * The expressions are kept as text, checked only to stay on their one line of the submit
 * description.
 *
 * @param requestDiskKib {@code request_disk} in KiB, HTCondor's unit for a bare number
 */
public record SubmitExtras(Optional<String> requirements, OptionalLong requestDiskKib, Optional<String> periodicHold,
                           Optional<String> concurrencyLimits, Optional<String> comment) {

    public static final SubmitExtras NONE = new SubmitExtras(Optional.empty(), OptionalLong.empty(), Optional.empty(),
            Optional.empty());

    /** Settings without a comment. */
    public SubmitExtras(Optional<String> requirements, OptionalLong requestDiskKib, Optional<String> periodicHold,
                        Optional<String> concurrencyLimits) {
        this(requirements, requestDiskKib, periodicHold, concurrencyLimits, Optional.empty());
    }

    public SubmitExtras {
        Objects.requireNonNull(requirements, "requirements");
        Objects.requireNonNull(requestDiskKib, "requestDiskKib");
        Objects.requireNonNull(periodicHold, "periodicHold");
        Objects.requireNonNull(concurrencyLimits, "concurrencyLimits");
        Objects.requireNonNull(comment, "comment");
    }
}
