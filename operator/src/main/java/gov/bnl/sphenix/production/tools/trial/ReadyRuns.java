package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.catalog.readiness.ReadyJobs;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The runs each chosen production tries: a production made from raw data takes the first
 * {@code perProduction} runs of its selection (in its run order) that the catalog makes ready for
 * it; a downstream production takes the runs of its upstream productions that it selects, since
 * only those will have inputs.
 */
public final class ReadyRuns {

    private final ReadyJobs readiness;
    private final ProductCatalogue catalogue;
    private final int perProduction;

    public ReadyRuns(ReadyJobs readiness, ProductCatalogue catalogue, int perProduction) {
        if (perProduction < 1) {
            throw new IllegalArgumentException("a try needs at least one run per production, not " + perProduction);
        }
        this.readiness = readiness;
        this.catalogue = catalogue;
        this.perProduction = perProduction;
    }

    /**
     * @param seeded the runs of the catalog
     * @throws IllegalStateException when a production gets no run: nothing of it could be tried
     */
    public Map<String, RunSet> of(ProductionChoice choice, RunSet seeded) throws SQLException {
        Map<String, RunSet> runs = new LinkedHashMap<>();
        for (Production p : choice.productions()) {
            RunSet selected = p.runs().intersect(seeded);
            RunSet chosen;
            if (isRaw(p)) {
                chosen = firstReady(p, selected);
            } else {
                chosen = RunSet.EMPTY;
                for (String up : choice.upstream().get(p.name())) {
                    chosen = chosen.union(runs.getOrDefault(up, RunSet.EMPTY));
                }
                chosen = chosen.intersect(selected);
            }
            if (chosen.isEmpty()) {
                throw new IllegalStateException("no run of the synthetic catalog (" + seeded + ") is ready for "
                        + p.name() + (choice.upstream().get(p.name()).isEmpty() && !isRaw(p)
                        ? ": no production of the specs makes its inputs" : " among the runs it selects"));
            }
            runs.put(p.name(), chosen);
        }
        return runs;
    }

    private boolean isRaw(Production p) {
        return catalogue.product(p.dsttype()).map(product -> product.isRaw()).orElse(false);
    }

    private RunSet firstReady(Production p, RunSet selected) throws SQLException {
        Set<Integer> found = new LinkedHashSet<>();
        readiness.find(ReadinessRequests.forProduction(p, catalogue).withRuns(selected), job -> {
            if (found.size() == perProduction && !found.contains(job.run())) {
                return false;
            }
            found.add(job.run());
            return true;
        });
        return RunSet.runs(found);
    }
}
