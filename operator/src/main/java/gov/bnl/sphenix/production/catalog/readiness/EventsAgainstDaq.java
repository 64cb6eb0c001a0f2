package gov.bnl.sphenix.production.catalog.readiness;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.connect.Catalogs;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Events a production's outputs hold against the events the DAQ recorded, run by run: today's
 * check after a run is produced, which flags a run whose outputs hold less than a share (0.95) of
 * the DAQ's count. A per-leaf product is compared leaf by leaf, over the leaves with outputs in the
 * run (each leaf's outputs are expected to hold the run's events), and a run is as good as its
 * worst leaf; a run without any output counts as none produced.
 */
public final class EventsAgainstDaq {

    /** The share of the DAQ's events today's check asks for. */
    public static final double TODAYS_RATIO = 0.95;

    private static final String PRODUCED = """
            SELECT d.runnumber, d.dsttype, sum(coalesce(d.events, 0))
              FROM datasets d
             WHERE d.dataset = ? AND d.tag = ? AND d.dsttype = ANY (?) AND d.runnumber = ANY (?) AND d.status > 0
             GROUP BY d.runnumber, d.dsttype
            """;

    private static final String RECORDED = """
            SELECT r.runnumber, coalesce(r.eventsinrun, 0) FROM run r WHERE r.runnumber = ANY (?)
            """;

    /** One run's produced events against the DAQ's: the worst product (leaf) of the run. */
    public record RunEvents(int run, String product, long produced, long recorded) {

        public double ratio() {
            return recorded == 0 ? 1.0 : (double) produced / recorded;
        }
    }

    /** The runs whose outputs hold less than today's share of the DAQ's events, in the order given. */
    public static List<RunEvents> belowRatio(List<RunEvents> runs) {
        return runs.stream().filter(e -> e.ratio() < TODAYS_RATIO).toList();
    }

    /**
     * The FileCatalog dsttypes a production's outputs are catalogued under: its dsttype, or for a
     * per-leaf product one per leaf ({@code DST_STREAMING_EVENT_mvtx0}, …).
     */
    public static List<String> products(Production production, ProductCatalogue catalogue) {
        String dsttype = production.dsttype();
        return catalogue.product(dsttype).filter(Product::perLeaf)
                .map(p -> p.leaves().stream().map(leaf -> dsttype + "_" + leaf).toList())
                .orElse(List.of(dsttype));
    }

    /** The worst product of each of the production's {@code runs} (those it has finished), in run order. */
    public List<RunEvents> of(Production production, ProductCatalogue catalogue, Collection<Integer> runs)
            throws SQLException {
        return of(production.rule().params().dataset(), production.rule().params().tag().toString(),
                products(production, catalogue), runs);
    }

    private final DataSource daq;
    private final DataSource fileCatalog;
    private final Retry retry;

    public EventsAgainstDaq(DataSource daq, DataSource fileCatalog, Retry retry) {
        this.daq = Objects.requireNonNull(daq, "daq");
        this.fileCatalog = Objects.requireNonNull(fileCatalog, "fileCatalog");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public static EventsAgainstDaq of(Catalogs catalogs) {
        return new EventsAgainstDaq(catalogs.daq(), catalogs.fileCatalog(), catalogs.retry());
    }

    /**
     * The worst product of each of {@code runs} (those the production has finished), in run order.
     *
     * @param products the FileCatalog dsttypes of the production's outputs ({@code DST_CALO}, or one per leaf)
     */
    public List<RunEvents> of(String dataset, String tag, Collection<String> products, Collection<Integer> runs)
            throws SQLException {
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<Integer, Map<String, Long>> produced = Transactions.run(fileCatalog, retry, "events produced",
                c -> produced(c, dataset, tag, products, runs));
        return compare(recorded(runs), produced, products);
    }

    /** The events the DAQ recorded in each of {@code runs} it knows: one statement on the DAQ database. */
    public Map<Integer, Long> recorded(Collection<Integer> runs) throws SQLException {
        if (runs.isEmpty()) {
            return Map.of();
        }
        return Transactions.run(daq, retry, "events recorded", c -> recorded(c, runs));
    }

    /**
     * The worst product of each run the DAQ knows, in run order, from the events it recorded and
     * the events of the good outputs by run and product. Only the products with outputs in a run
     * count: a leaf whose host sat the run out made none; a run without any output counts as none
     * produced (of the first product).
     */
    public static List<RunEvents> compare(Map<Integer, Long> recorded, Map<Integer, Map<String, Long>> produced,
                                          Collection<String> products) {
        List<RunEvents> result = new ArrayList<>();
        for (int run : new TreeMap<>(recorded).keySet()) {
            Map<String, Long> byProduct = produced.getOrDefault(run, Map.of(products.iterator().next(), 0L));
            RunEvents worst = null;
            for (Map.Entry<String, Long> product : new TreeMap<>(byProduct).entrySet()) {
                RunEvents e = new RunEvents(run, product.getKey(), product.getValue(), recorded.get(run));
                if (worst == null || e.ratio() < worst.ratio()) {
                    worst = e;
                }
            }
            result.add(worst);
        }
        return result;
    }

    private static Map<Integer, Long> recorded(Connection c, Collection<Integer> runs) throws SQLException {
        Map<Integer, Long> recorded = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(RECORDED)) {
            s.setArray(1, SqlArrays.ints(c, runs));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    recorded.put(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        return recorded;
    }

    private static Map<Integer, Map<String, Long>> produced(Connection c, String dataset, String tag,
                                                            Collection<String> products, Collection<Integer> runs)
            throws SQLException {
        Map<Integer, Map<String, Long>> produced = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(PRODUCED)) {
            s.setString(1, dataset);
            s.setString(2, tag);
            s.setArray(3, SqlArrays.texts(c, products));
            s.setArray(4, SqlArrays.ints(c, runs));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    produced.computeIfAbsent(rows.getInt(1), r -> new HashMap<>()).put(rows.getString(2), rows.getLong(3));
                }
            }
        }
        return produced;
    }
}
