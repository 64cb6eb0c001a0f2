package gov.bnl.sphenix.production.control.harvest;

import gov.bnl.sphenix.production.spec.JobContract;

/**
 * The segments one job of the sphenixprod convention can write, read from today's run scripts:
 *
 * <ul>
 *   <li>a combiner (a product made from raw data, keyed at segment 0) reads every sequence file of
 *       its run and host and rolls its output over from segment 0 as often as the events demand
 *       ({@code run_parallel_streams.sh}, {@code run_eventcombine.sh}): every segment from its key's on;</li>
 *   <li>a downstream job keyed at segment s writes segment s (one output named by its logbase:
 *       {@code run_jobA.sh}, {@code run_jobC.sh}, the calorimeter scripts), or, rolling over as
 *       clustering does ({@code run_rolloverjob0.sh}, {@code startseg = seg × 10}), the ten segments
 *       10s … 10s+9 — a streaming segment holds ten cluster segments.</li>
 * </ul>
 *
 * A name in range only says the job could have written it; ownership is proven by the dbid.
 */
record WritableSegments(int keySegment, boolean combiner) {

    boolean contains(int segment) {
        if (combiner) {
            return segment >= keySegment;
        }
        long first = (long) keySegment * JobContract.ROLLOVER_SEGMENTS;
        return segment == keySegment || (segment >= first && segment < first + JobContract.ROLLOVER_SEGMENTS);
    }
}
