package gov.bnl.sphenix.production.control.observe;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.deletion.OutputDeletion;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessRequests;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.catalog.registration.OutputRegistry;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.job.JobKey;
import gov.bnl.sphenix.production.plan.ExistingOutput;
import gov.bnl.sphenix.production.spec.Production;
import gov.bnl.sphenix.production.spec.RunSet;
import gov.bnl.sphenix.production.spec.catalogue.Product;
import gov.bnl.sphenix.production.spec.catalogue.ProductCatalogue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The outputs a production already has in the FileCatalog, by job key (a combiner's segments all
 * under its key at segment 0). The catalog's
 * {@code dsttype} column holds the product — the dsttype, and for per-leaf products the leaf
 * after it — so the query asks for exactly the products this production makes, and only in the
 * runs it selects: two productions may share a namespace over disjoint runs, and neither counts
 * (or, removed, deletes) the other's files.
 *
 * <p>What a production has is remembered between passes: the FileCatalog has no column that says
 * when a row came, and a production's outputs grow with its history, so reading them whole every
 * pass would cost every pass the whole history. The operator's own writes — registrations by the
 * harvest, deletions by the executor — go through {@link #watching(OutputRegistry)} and
 * {@link #watching(OutputDeletion)}, which note the runs they touch; the next read of a production
 * reads again only those runs of it. What others change in the catalog (a file marked bad by hand,
 * one registered by another tool) is seen when the production is next read whole, at most
 * {@link #FULL_READ_EVERY} after the last whole read, and after a restart.
 */
public final class ProductionOutputs {

    /** How long a production's outputs are refreshed run by run before they are read whole again. */
    public static final Duration FULL_READ_EVERY = Duration.ofMinutes(10);

    private static final String OUTPUTS = """
            SELECT runnumber, segment, dsttype, filename, coalesce(events, 0), coalesce(status > 0, false)
              FROM datasets
             WHERE dataset = ? AND tag = ? AND dsttype = ANY (?) AND runnumber BETWEEN ? AND ?""";

    private static final String OUTPUTS_OF_RUNS = """
            SELECT runnumber, segment, dsttype, filename, coalesce(events, 0), coalesce(status > 0, false)
              FROM datasets
             WHERE dataset = ? AND tag = ? AND dsttype = ANY (?) AND runnumber = ANY (?)""";

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

    /** One row of the catalog as read. */
    private record Row(int run, int segment, String product, String filename, long events, boolean good) {
    }

    /** What a production's outputs are read for: when any of it changes, they are read whole. */
    private record Identity(String dataset, String tag, Map<String, String> leafOfProduct, boolean combining,
                            RunSet runs) {
    }

    /** What is remembered of one production: its rows by run, when they were read whole, and the result. */
    private record Remembered(Identity identity, Instant readWhole, long upTo, Map<Integer, List<Row>> byRun,
                              Found found) {
    }

    /** Runs of a namespace's outputs that this operator registered or deleted. */
    private record Touched(long sequence, Instant at, String dataset, String tag, int run) {
    }

    private final DataSource fileCatalog;
    private final Retry retry;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new HashMap<>();
    private final Deque<Touched> touched = new ArrayDeque<>();
    private long sequence;
    private long rowsRead;

    public ProductionOutputs(DataSource fileCatalog, Retry retry, Clock clock) {
        this.fileCatalog = Objects.requireNonNull(fileCatalog, "fileCatalog");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public synchronized Found of(Production production, ProductCatalogue catalogue) throws SQLException {
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
            remembered.remove(production.name());
            return new Found(List.of(), 0, Map.of());
        }
        Identity identity = new Identity(production.rule().params().dataset(),
                production.rule().params().tag().toString(), Map.copyOf(leafOfProduct), combining, production.runs());
        Instant now = clock.instant();
        forgetTouchedBefore(now.minus(FULL_READ_EVERY));
        Remembered known = remembered.get(production.name());
        Remembered next;
        if (known == null || !known.identity().equals(identity) || !now.isBefore(known.readWhole().plus(FULL_READ_EVERY))) {
            next = readWhole(production.name(), identity, now);
        } else {
            next = refresh(production.name(), known);
        }
        remembered.put(production.name(), next);
        return next.found();
    }

    /**
     * The registry {@code registry} is, noting the runs each registration touches: what the
     * harvest registers is read at the next read of its production.
     */
    public OutputRegistry watching(OutputRegistry registry) {
        return new OutputRegistry() {
            @Override
            public Map<String, Set<String>> checksums(Collection<String> lfns) throws SQLException {
                return registry.checksums(lfns);
            }

            @Override
            public gov.bnl.sphenix.production.catalog.registration.RegistrationResult register(
                    List<CatalogedOutput> outputs) throws SQLException {
                // noted first: a registration that fails half-way may have written some of them
                outputs.forEach(o -> touched(o.file().dataset(), o.file().tag().toString(), o.file().run()));
                return registry.register(outputs);
            }
        };
    }

    /** The deletion {@code deletion} is, noting the runs each deletion touches. */
    public OutputDeletion watching(OutputDeletion deletion) {
        return (jobs, removed) -> {
            for (LedgerKey job : jobs) {
                touched(job.namespace().dataset(), job.namespace().tag().toString(), job.job().run());
            }
            return deletion.delete(jobs, removed);
        };
    }

    /** How many catalog rows this has read, whole reads and refreshes together. */
    public synchronized long rowsRead() {
        return rowsRead;
    }

    private synchronized void touched(String dataset, String tag, int run) {
        touched.addLast(new Touched(++sequence, clock.instant(), dataset, tag, run));
    }

    // a production not read within FULL_READ_EVERY is read whole next time: older notes serve none
    private void forgetTouchedBefore(Instant oldest) {
        while (!touched.isEmpty() && touched.peekFirst().at().isBefore(oldest)) {
            touched.removeFirst();
        }
    }

    private Remembered readWhole(String production, Identity identity, Instant now) throws SQLException {
        long upTo = sequence;
        Map<Integer, List<Row>> byRun = new TreeMap<>();
        read(production, identity, OUTPUTS, List.of()).forEach(r -> byRun.computeIfAbsent(r.run(),
                k -> new ArrayList<>()).add(r));
        return new Remembered(identity, now, upTo, byRun, found(production, identity, byRun));
    }

    /** The remembered rows with the runs touched since they were read read again. */
    private Remembered refresh(String production, Remembered known) throws SQLException {
        long upTo = sequence;
        Identity identity = known.identity();
        Set<Integer> runs = new TreeSet<>();
        for (Touched t : touched) {
            if (t.sequence() > known.upTo() && t.dataset().equals(identity.dataset()) && t.tag().equals(identity.tag())
                    && identity.runs().contains(t.run())) {
                runs.add(t.run());
            }
        }
        if (runs.isEmpty()) {
            return new Remembered(identity, known.readWhole(), upTo, known.byRun(), known.found());
        }
        Map<Integer, List<Row>> byRun = new TreeMap<>(known.byRun());
        byRun.keySet().removeAll(runs);
        read(production, identity, OUTPUTS_OF_RUNS, List.copyOf(runs)).forEach(r -> byRun.computeIfAbsent(r.run(),
                k -> new ArrayList<>()).add(r));
        return new Remembered(identity, known.readWhole(), upTo, byRun, found(production, identity, byRun));
    }

    /** The rows of a production's products, in its selected runs: all of them, or those of {@code runs}. */
    private List<Row> read(String production, Identity identity, String sql, List<Integer> runs) throws SQLException {
        List<Row> rows = Transactions.run(fileCatalog, retry, "outputs of " + production, c -> {
            List<Row> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, identity.dataset());
                s.setString(2, identity.tag());
                s.setArray(3, SqlArrays.texts(c, List.copyOf(identity.leafOfProduct().keySet())));
                if (runs.isEmpty()) {
                    s.setInt(4, identity.runs().first().orElseThrow());
                    s.setInt(5, identity.runs().last().orElseThrow());
                } else {
                    s.setArray(4, c.createArrayOf("integer", runs.toArray()));
                }
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (identity.runs().contains(rs.getInt(1))) {
                            found.add(new Row(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                    rs.getLong(5), rs.getBoolean(6)));
                        }
                    }
                }
            }
            return found;
        });
        rowsRead += rows.size();
        return rows;
    }

    private static Found found(String production, Identity identity, Map<Integer, List<Row>> byRun) {
        Map<JobKey, List<String>> files = new HashMap<>();
        Map<Integer, Map<String, Long>> good = new HashMap<>();
        long events = 0;
        for (List<Row> rows : byRun.values()) {
            for (Row r : rows) {
                JobKey key = JobKey.ofLeaf(production, r.run(), identity.combining() ? 0 : r.segment(),
                        identity.leafOfProduct().get(r.product()));
                files.computeIfAbsent(key, k -> new ArrayList<>()).add(r.filename());
                events += r.events();
                if (r.good()) {
                    good.computeIfAbsent(r.run(), run -> new HashMap<>()).merge(r.product(), r.events(), Long::sum);
                }
            }
        }
        List<ExistingOutput> outputs = new ArrayList<>();
        files.forEach((key, names) -> outputs.add(new ExistingOutput(key, names)));
        outputs.sort(Comparator.comparing(ExistingOutput::key));
        return new Found(outputs, events, good);
    }
}
