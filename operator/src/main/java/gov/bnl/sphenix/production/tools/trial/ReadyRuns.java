package gov.bnl.sphenix.production.tools.trial;

import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.catalog.readiness.ReadyJobs;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs each chosen production tries: a production made from raw data takes the first
 * {@code perProduction} runs of its selection (in its run order) that the catalog makes ready for
 * it, preferring runs that every production downstream of it selects, then runs that any of them
 * selects (a golden run list downstream must find its runs built); a downstream production takes
 * the runs of its upstream productions that it selects, since only those will have inputs.
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
    public Map<String, TriedRuns> of(ProductionChoice choice, RunSet seeded) throws SQLException {
        Map<String, TriedRuns> runs = new LinkedHashMap<>();
        for (Production p : choice.productions()) {
            RunSet selected = p.runs().intersect(seeded);
            RunSet chosen;
            RunSet fallback;
            if (isRaw(p)) {
                chosen = firstReady(p, preferences(p, choice, selected));
                fallback = chosen.isEmpty() ? firstReady(p, List.of(seeded)) : chosen;
            } else {
                fallback = RunSet.EMPTY;
                for (String up : choice.upstream().get(p.name())) {
                    fallback = fallback.union(runs.containsKey(up) ? runs.get(up).runs() : RunSet.EMPTY);
                }
                chosen = fallback.intersect(selected);
            }
            if (fallback.isEmpty()) {
                throw new IllegalStateException("no run of the synthetic catalog (" + seeded + ") is ready for "
                        + p.name() + (isRaw(p) ? "" : ": no production of the specs makes its inputs"));
            }
            // a selection the synthetic catalog does not serve (a short list of golden runs) still tries the script
            runs.put(p.name(), chosen.isEmpty() ? new TriedRuns(fallback, false) : new TriedRuns(chosen, true));
        }
        return runs;
    }

    /**
     * The runs a production tries.
     *
     * @param selected false when none of the runs it selects was ready, and it tries others instead
     */
    public record TriedRuns(RunSet runs, boolean selected) {

        @Override
        public String toString() {
            return runs + (selected ? "" : " (none of the runs it selects is ready in the synthetic catalog)");
        }
    }

    private boolean isRaw(Production p) {
        return catalogue.product(p.dsttype()).map(product -> product.isRaw()).orElse(false);
    }

    /** Where to look for ready runs, best first: what all downstream productions select, what any does, all. */
    private static List<RunSet> preferences(Production raw, ProductionChoice choice, RunSet selected) {
        List<Production> downstream = choice.downstreamOf(raw.name());
        RunSet all = selected;
        RunSet any = RunSet.EMPTY;
        for (Production d : downstream) {
            all = all.intersect(d.runs());
            any = any.union(d.runs().intersect(selected));
        }
        return downstream.isEmpty() ? List.of(selected) : List.of(all, any, selected);
    }

    private RunSet firstReady(Production p, List<RunSet> preferences) throws SQLException {
        Set<Integer> found = new LinkedHashSet<>();
        for (RunSet runs : preferences) {
            if (found.size() == perProduction) {
                break;
            }
            readiness.find(ReadinessRequests.forProduction(p, catalogue).withRuns(runs), job -> {
                if (found.size() == perProduction && !found.contains(job.run())) {
                    return false;
                }
                found.add(job.run());
                return true;
            });
        }
        return RunSet.runs(found);
    }
}
