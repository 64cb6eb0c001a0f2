package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.Segments;
import java.util.OptionalInt;

/**
 * The segments a production takes: those from {@code first} to {@code last}, both included, that
 * are a multiple of {@code every}. {@code [0, 0] every 1} is segment 0 only.
 */
public record SegmentWindow(int first, int last, int every) {

    public SegmentWindow {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("a segment window needs 0 <= first <= last, got " + first + ".." + last);
        }
        if (every < 1) {
            throw new IllegalArgumentException("a segment window takes every n-th segment with n >= 1, got " + every);
        }
    }

    public SegmentWindow(int first, int last) {
        this(first, last, 1);
    }

    public static final SegmentWindow FIRST_ONLY = new SegmentWindow(0, 0);
    public static final SegmentWindow ALL = new SegmentWindow(0, Integer.MAX_VALUE);

    /**
     * For a downstream product: the production's choice and the rule's {@code cut_segment}, which
     * keeps, as in sphenixprod, only the segments where {@code segment % cut_segment == 0} (a
     * sampling pass over every tenth segment, not "the segments below ten").
     */
    public static SegmentWindow of(Segments segments, OptionalInt cutSegment) {
        SegmentWindow window = forRaw(segments);
        if (cutSegment.isPresent()) {
            return new SegmentWindow(window.first, window.last, cutSegment.getAsInt());
        }
        return window;
    }

    /** For a raw-data combiner: sphenixprod applies {@code cut_segment} to downstream jobs only. */
    public static SegmentWindow forRaw(Segments segments) {
        return segments == Segments.FIRST_ONLY ? FIRST_ONLY : ALL;
    }

    public boolean contains(int segment) {
        return segment >= first && segment <= last && segment % every == 0;
    }
}
