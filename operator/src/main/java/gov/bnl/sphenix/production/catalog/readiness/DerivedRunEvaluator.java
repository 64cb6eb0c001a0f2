package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readiness rules for a product made from upstream outputs, applied to one run that passed the
 * run cuts: the upstream outputs are grouped by segment, and a segment is ready when, for every
 * input, the outputs of all expected leaves are there and good (status above 0) — or at least one
 * when the input or the runtype allows any leaf. Expected leaves are the upstream's leaves left
 * after masks whose host took part in the run; a host that sat the run out made no output to wait for.
 */
final class DerivedRunEvaluator implements RunEvaluator<ParentOutput> {

    private final DerivedRequest request;

    DerivedRunEvaluator(DerivedRequest request) {
        this.request = request;
    }

    @Override
    public List<ReadyJob> evaluate(QualifiedRun run, List<ParentOutput> rows) {
        List<List<String>> expected = new ArrayList<>();
        for (DerivedRequest.Upstream input : request.inputs()) {
            List<String> products = input.perLeaf()
                    ? input.leaves().stream()
                        .filter(leaf -> run.hosts().contains(ProductCatalogue.hostOf(leaf)))
                        .map(input::productOf)
                        .toList()
                    : List.of(input.dsttype());
            if (products.isEmpty()) {
                return List.of();
            }
            expected.add(products);
        }

        TreeMap<Integer, Map<String, String>> segments = new TreeMap<>();
        for (ParentOutput row : rows) {
            if (row.usable()) {
                segments.computeIfAbsent(row.segment(), s -> new HashMap<>()).putIfAbsent(row.product(), row.filename());
            }
        }

        List<ReadyJob> candidates = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> segment : segments.entrySet()) {
            List<String> inputs = inputsIfComplete(expected, segment.getValue());
            if (inputs != null) {
                candidates.add(new ReadyJob(run.run(), segment.getKey(), "", inputs));
            }
        }
        return candidates;
    }

    /** The files of one segment in input order, or {@code null} when an input is not satisfied. */
    private List<String> inputsIfComplete(List<List<String>> expected, Map<String, String> present) {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            boolean everyLeaf = request.inputs().get(i).allLeaves() && !request.anyLeaf();
            int found = 0;
            for (String product : expected.get(i)) {
                String file = present.get(product);
                if (file != null) {
                    inputs.add(file);
                    found++;
                }
            }
            if (found == 0 || (everyLeaf && found < expected.get(i).size())) {
                return null;
            }
        }
        return inputs;
    }
}
