package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.RunOrder;
import gov.bnl.sphenix.production.spec.RunSet;
import java.util.Set;

/**
 * What readiness needs to know about one production, resolved from its spec and the product
 * catalogue by {@link ReadinessRequests}: the product, the runs, the cuts, the segment window,
 * and which leaves and hosts count.
 */
public sealed interface ReadinessRequest permits RawRequest, DerivedRequest {

    String dsttype();

    RunSet runs();

    RunOrder order();

    RunCuts cuts();

    SegmentWindow segments();

    /** DAQ hosts whose presence in a run ({@code hostinfo}) matters to this product. */
    Set<String> hostsOfInterest();

    /** The same request over fewer runs: a retry resumes after the runs already handed out. */
    ReadinessRequest withRuns(RunSet runs);
}
