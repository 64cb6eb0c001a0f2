package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.Segments;
import java.util.OptionalInt;

/** The segments a production takes, both ends included: {@code [0, 0]} for segment 0 only. */
public record SegmentWindow(int first, int last) {

    public SegmentWindow {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("a segment window needs 0 <= first <= last, got " + first + ".." + last);
        }
    }

    public static final SegmentWindow FIRST_ONLY = new SegmentWindow(0, 0);
    public static final SegmentWindow ALL = new SegmentWindow(0, Integer.MAX_VALUE);

    /** From a production's choice and a rule's cut (segments at or above the cut are skipped). */
    public static SegmentWindow of(Segments segments, OptionalInt cutSegment) {
        if (segments == Segments.FIRST_ONLY) {
            return FIRST_ONLY;
        }
        if (cutSegment.isPresent()) {
            if (cutSegment.getAsInt() <= 0) {
                throw new IllegalArgumentException("cutSegment " + cutSegment.getAsInt() + " leaves no segment");
            }
            return new SegmentWindow(0, cutSegment.getAsInt() - 1);
        }
        return ALL;
    }

    public boolean contains(int segment) {
        return segment >= first && segment <= last;
    }
}
