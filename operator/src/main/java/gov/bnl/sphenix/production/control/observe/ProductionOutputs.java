package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.ExistingOutput;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The outputs a production already has in the FileCatalog, by job key (a combiner's segments all
 * under its key at segment 0). The catalog's
 * {@code dsttype} column holds the product — the dsttype, and for per-leaf products the leaf
 * after it — so the query asks for exactly the products this production makes, and only in the
 * runs it selects: two productions may share a namespace over disjoint runs, and neither counts
 * (or, removed, deletes) the other's files.
 */
public final class ProductionOutputs {

    private static final String OUTPUTS = """
            SELECT runnumber, segment, dsttype, filename, coalesce(events, 0), coalesce(status > 0, false)
              FROM datasets
             WHERE dataset = ? AND tag = ? AND dsttype = ANY (?) AND runnumber BETWEEN ? AND ?""";

    /**
     * What the catalog holds for one production: outputs by key and the events in them.
     *
     * @param goodEvents the events of its good outputs (status above 0) by run and product, which
     *                   a pass weighs against the DAQ's count without reading the catalog again
     */
    public record Found(List<ExistingOutput> outputs, long events, Map<Integer, Map<String, Long>> goodEvents) {
        public Found {
            outputs = List.copyOf(outputs);
            goodEvents = Map.copyOf(goodEvents);
        }
    }

    private final DataSource fileCatalog;
    private final Retry retry;

    public ProductionOutputs(DataSource fileCatalog, Retry retry) {
        this.fileCatalog = Objects.requireNonNull(fileCatalog, "fileCatalog");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public Found of(Production production, ProductCatalogue catalogue) throws SQLException {
        Map<String, String> leafOfProduct = new HashMap<>();
        String dsttype = production.dsttype();
        Product product = catalogue.product(dsttype).orElse(null);
        if (product != null && product.perLeaf()) {
            product.leaves().forEach(leaf -> leafOfProduct.put(dsttype + "_" + leaf, leaf));
        } else {
            leafOfProduct.put(dsttype, "");
        }
        // a combiner's key is its (run, leaf) at segment 0, whatever segments its events filled
        boolean combining = product != null && ReadinessRequests.combines(production, product);
        if (production.runs().isEmpty()) {
            return new Found(List.of(), 0, Map.of());
        }
        return Transactions.run(fileCatalog, retry, "outputs of " + production.name(), c -> {
            Map<JobKey, List<String>> files = new HashMap<>();
            Map<Integer, Map<String, Long>> good = new HashMap<>();
            long events = 0;
            try (PreparedStatement s = c.prepareStatement(OUTPUTS)) {
                s.setString(1, production.rule().params().dataset());
                s.setString(2, production.rule().params().tag().toString());
                s.setArray(3, SqlArrays.texts(c, List.copyOf(leafOfProduct.keySet())));
                s.setInt(4, production.runs().first().orElseThrow());
                s.setInt(5, production.runs().last().orElseThrow());
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!production.runs().contains(rs.getInt(1))) {
                            continue;
                        }
                        JobKey key = JobKey.ofLeaf(production.name(), rs.getInt(1), combining ? 0 : rs.getInt(2),
                                leafOfProduct.get(rs.getString(3)));
                        files.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(4));
                        events += rs.getLong(5);
                        if (rs.getBoolean(6)) {
                            good.computeIfAbsent(rs.getInt(1), r -> new HashMap<>()).merge(rs.getString(3),
                                    rs.getLong(5), Long::sum);
                        }
                    }
                }
            }
            List<ExistingOutput> outputs = new ArrayList<>();
            files.forEach((key, names) -> outputs.add(new ExistingOutput(key, names)));
            outputs.sort(java.util.Comparator.comparing(ExistingOutput::key));
            return new Found(outputs, events, good);
        });
    }
}
