package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Why a derived product's run that passed the run cuts has no job: which upstream product has no
 * good output for the run at all, or, segment by segment, which upstream outputs are missing.
 * Pure; readiness's evaluator has already said that no segment is complete.
 */
final class DerivedDiagnosis {

    /** Segments a detail names before it says "and n more". */
    private static final int SEGMENTS_NAMED = 3;

    private final DerivedRequest request;

    DerivedDiagnosis(DerivedRequest request) {
        this.request = request;
    }

    RunVerdict diagnose(RunFacts run, List<ParentOutput> rows) {
        TreeMap<Integer, Set<String>> present = new TreeMap<>();
        for (ParentOutput row : rows) {
            if (row.usable()) {
                present.computeIfAbsent(row.segment(), s -> new HashSet<>()).add(row.product());
            }
        }
        String upstream = "(dataset " + request.dataset() + ", tag " + request.upstreamTag() + ")";
        if (present.isEmpty()) {
            List<String> products = request.inputs().stream().map(DerivedRequest.Upstream::dsttype).toList();
            return new RunVerdict(run.run(), WaitReason.UPSTREAM_MISSING, "no good output of "
                    + String.join(", ", products) + " for this run yet " + upstream);
        }
        List<String> segments = new ArrayList<>();
        for (Map.Entry<Integer, Set<String>> segment : present.entrySet()) {
            List<String> missing = missing(run, segment.getValue());
            segments.add("segment " + segment.getKey() + " lacks " + RunJudge.named(missing));
        }
        String detail = String.join("; ", segments.subList(0, Math.min(SEGMENTS_NAMED, segments.size())))
                + (segments.size() > SEGMENTS_NAMED ? "; and " + (segments.size() - SEGMENTS_NAMED) + " more segments" : "");
        return new RunVerdict(run.run(), WaitReason.UPSTREAM_MISSING, detail + " " + upstream);
    }

    /** The upstream outputs a segment waits for: every expected leaf's, or any one when a leaf suffices. */
    private List<String> missing(RunFacts run, Set<String> present) {
        List<String> missing = new ArrayList<>();
        for (DerivedRequest.Upstream input : request.inputs()) {
            if (!input.perLeaf()) {
                if (!present.contains(input.dsttype())) {
                    missing.add(input.dsttype());
                }
                continue;
            }
            List<String> expected = input.leaves().stream()
                    .filter(leaf -> run.hosts().contains(ProductCatalogue.hostOf(leaf)))
                    .map(input::productOf).toList();
            List<String> absent = expected.stream().filter(p -> !present.contains(p)).toList();
            boolean everyLeaf = input.allLeaves() && !request.anyLeaf();
            if (everyLeaf) {
                missing.addAll(absent);
            } else if (absent.size() == expected.size()) {
                missing.add("any of " + input.dsttype() + "_*");
            }
        }
        return missing;
    }
}
