package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * What weighing a production's finished runs against the DAQ adds to each pass: the comparison a
 * pass makes for every production ({@link EventsAgainstDaq}, one grouped statement on the DAQ
 * database and one on the FileCatalog), over the outputs the registration benchmark left in the
 * FileCatalog, as if every one of their runs were finished: the most a production can cost.
 */
final class DaqComparisonBench {

    /** Timed: one warm-up, then the median of this many. */
    private static final int REPEATS = 5;

    record Result(long medianMillis, int runs, int outputs, DaqComparison comparison) {
    }

    private final EventsAgainstDaq events;

    DaqComparisonBench(EventsAgainstDaq events) {
        this.events = events;
    }

    Result run(List<CatalogedOutput> outputs) throws SQLException {
        TreeSet<Integer> runs = new TreeSet<>();
        TreeSet<String> products = new TreeSet<>();
        for (CatalogedOutput o : outputs) {
            runs.add(o.file().run());
            products.add(o.file().product());
        }
        CatalogedOutput first = outputs.get(0);
        String dataset = first.file().dataset();
        String tag = first.file().tag().toString();
        List<Integer> runList = List.copyOf(runs);
        List<String> productList = List.copyOf(products);
        List<EventsAgainstDaq.RunEvents> compared = events.of(dataset, tag, productList, runList);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            compared = events.of(dataset, tag, productList, runList);
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(millis);
        return new Result(millis.get(REPEATS / 2), runs.size(), outputs.size(), DaqComparison.of(compared));
    }
}
