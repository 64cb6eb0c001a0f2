package gov.bnl.sphenix.production.tools.bench;

import java.util.Locale;

/**
 * The floor's production files: event building of the MVTX streams (the demo's masks), each
 * production over its own slice of the catalog's runs and a slice of earlier runs it finished
 * long ago, in a namespace of its own (version {@code n}), its jobs asking for a machine no slot
 * is, so that what the engine submits waits in the queue like the rest.
 */
final class FloorSpecs {

    /** The product every production of the floor makes. */
    static final String DSTTYPE = "DST_STREAMING_EVENT";

    private FloorSpecs() {
    }

    /**
     * @param version     the production's version, 1 to 999: its namespace
     * @param earlyFirst  first of its earlier runs (finished history and queued jobs)
     * @param earlyLast   last of them
     * @param first       first run of its slice of the catalog
     * @param last        last run of the slice
     * @param maxSubmit   its {@code maxSubmitPerCycle}
     */
    static String production(String name, int version, int earlyFirst, int earlyLast, int first, int last,
                             int maxSubmit) {
        return String.format(Locale.ROOT, """
                # The engine benchmark's floor: event building over runs %d-%d.
                apiVersion: production.sphenix.bnl.gov/v1alpha1
                kind: Production
                metadata:
                  name: %s
                spec:
                  rule:
                    inline:
                      params:
                        dsttype:     %s
                        period:      run3auau
                        physicsmode: physics
                        dataset:     run3auau
                        build:       ana.523
                        dbtag:       nocdbtag
                        version:     %d
                      input:
                        min_run_time:      300
                        min_run_events:    100000
                        combine_seg0_only: false
                      job:
                        script:         run_parallel_streams.sh
                        neventsper:     10000
                        payload:        [../../rules/run3auau/streaming_code/*]
                        request_memory: 3072MB
                        priority:       '3500'
                        requirements:   '%s'
                  runs:
                    range: [[%d, %d], [%d, %d]]
                  segments: first-only
                  masks: ["TPC{00..23}", TPOT, "INTT{0..7}"]
                  limits:
                    maxQueued: 100000
                    maxSubmitPerCycle: %d
                """, first, last, name, DSTTYPE, version, FloorQueue.NO_SLOT, earlyFirst, earlyLast, first, last,
                maxSubmit);
    }
}
