package gov.bnl.sphenix.production.spec;

import gov.bnl.sphenix.production.spec.names.Tag;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code input} block of a rule: which upstream tag to read (for downstream products), the
 * run quality cuts for combiners, and which segments to take.
 *
 * @param intriplet        the tag of the upstream outputs; empty for products made from raw data
 * @param minRunTimeSeconds runs shorter than this are skipped
 * @param minRunEvents     runs with fewer events are skipped
 * @param combineSeg0Only  raw-data combiners: only segment 0 unless the production says otherwise
 * @param cutSegment       downstream products: only segments that are a multiple of it (empty: every segment)
 */
public record RuleInput(Optional<Tag> intriplet, int minRunTimeSeconds, long minRunEvents,
                        boolean combineSeg0Only, OptionalInt cutSegment) {

    /** sphenixprod's defaults, kept so that existing rule files mean what they meant. */
    public static final int DEFAULT_MIN_RUN_TIME = 300;
    public static final long DEFAULT_MIN_RUN_EVENTS = 100_000;

    public RuleInput {
        Objects.requireNonNull(intriplet, "intriplet");
        Objects.requireNonNull(cutSegment, "cutSegment");
    }
}
