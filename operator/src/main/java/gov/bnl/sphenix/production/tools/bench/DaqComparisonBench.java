package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.catalog.readiness.DaqComparison;
import gov.bnl.sphenix.production.catalog.readiness.EventsAgainstDaq;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What weighing a production's finished runs against the DAQ adds to each pass, over the outputs
 * the registration benchmark left in the FileCatalog, as if every one of their runs were finished
 * (the most a production can cost): a pass has its outputs' events from the FileCatalog read it
 * makes anyway and adds one DAQ statement and the comparison; {@code prodctl why} reads both
 * databases ({@link EventsAgainstDaq#of}).
 */
final class DaqComparisonBench {

    /** Timed: one warm-up, then the median of this many. */
    private static final int REPEATS = 5;

    record Result(long passMillis, long whyMillis, int runs, int outputs, DaqComparison comparison) {
    }

    private final EventsAgainstDaq events;

    DaqComparisonBench(EventsAgainstDaq events) {
        this.events = events;
    }

    Result run(List<CatalogedOutput> outputs) throws SQLException {
        TreeSet<Integer> runs = new TreeSet<>();
        TreeSet<String> products = new TreeSet<>();
        Map<Integer, Map<String, Long>> good = new HashMap<>();
        for (CatalogedOutput o : outputs) {
            runs.add(o.file().run());
            products.add(o.file().product());
            good.computeIfAbsent(o.file().run(), r -> new HashMap<>()).merge(o.file().product(), o.events(), Long::sum);
        }
        CatalogedOutput first = outputs.get(0);
        String dataset = first.file().dataset();
        String tag = first.file().tag().toString();
        List<Integer> runList = List.copyOf(runs);
        List<String> productList = List.copyOf(products);
        List<EventsAgainstDaq.RunEvents> compared = EventsAgainstDaq.compare(events.recorded(runList), good, productList);
        long pass = median(() -> EventsAgainstDaq.compare(events.recorded(runList), good, productList));
        long why = median(() -> events.of(dataset, tag, productList, runList));
        return new Result(pass, why, runs.size(), outputs.size(), DaqComparison.of(compared));
    }

    private interface Comparison {
        List<EventsAgainstDaq.RunEvents> once() throws SQLException;
    }

    private static long median(Comparison comparison) throws SQLException {
        comparison.once();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            comparison.once();
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(millis);
        return millis.get(REPEATS / 2);
    }
}
