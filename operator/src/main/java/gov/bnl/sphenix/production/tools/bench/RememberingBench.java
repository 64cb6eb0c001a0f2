package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.catalog.readiness.RawRequest;
import gov.bnl.sphenix.production.catalog.readiness.Readiness;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessMemory;
import gov.bnl.sphenix.production.catalog.readiness.ReadinessSummary;
import gov.bnl.sphenix.production.catalog.readiness.ReadyJob;
import gov.bnl.sphenix.production.catalog.readiness.ReadyJobSink;
import gov.bnl.sphenix.production.catalog.readiness.SegmentWindow;
import gov.bnl.sphenix.production.spec.RunSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Readiness with a {@link ReadinessMemory}, pass after pass: the first pass reads every run, a
 * second finds nothing changed, then the segment-0 file of one stream turns bad (status -1) in a
 * few ready runs and a third pass must see exactly that: those runs read again, each one job
 * fewer. The files are made good again afterwards. Where the memory holds every candidate, the
 * third pass is checked against a pass without memory.
 */
final class RememberingBench {

    private static final String SET_STATUS = """
            UPDATE datasets SET status = ? WHERE runnumber = ? AND daqhost = ? AND segment = 0 AND status = ?
            """;

    /** The three passes; {@code freshCandidates} is what a pass without memory handed out after the change, or -1. */
    record Result(ReadinessBench.Pass first, ReadinessBench.Pass unchanged, ReadinessBench.Pass changed, int runsChanged,
                  long held, long heldBytes, long freshCandidates) {
    }

    private final Readiness readiness;
    private final DataSource rawdata;
    private final RunSet runs;

    RememberingBench(Readiness readiness, DataSource rawdata, RunSet runs) {
        this.readiness = readiness;
        this.rawdata = rawdata;
        this.runs = runs;
    }

    /**
     * @param keysDone as if every job handed out were done in the ledger: the sink asks the memory
     *                 not to hold them, so it holds one entry per run and later passes hand out the
     *                 jobs of changed runs only
     */
    Result run(SegmentWindow segments, int runsToChange, boolean keysDone) throws SQLException {
        RawRequest request = ReadinessBench.streamingEvents(runs, segments);
        long before = ReadinessBench.liveHeap();
        ReadinessMemory memory = new ReadinessMemory(ReadinessMemory.DEFAULT_CANDIDATES);
        Readiness remembering = readiness.remembering(memory);
        Set<Integer> readyRuns = new LinkedHashSet<>();
        ReadinessBench.Pass first = timed(remembering, request, keysDone, readyRuns);
        long heldBytes = Math.max(0, ReadinessBench.liveHeap() - before);
        ReadinessBench.Pass unchanged = timed(remembering, request, keysDone, new LinkedHashSet<>());
        List<Integer> changed = readyRuns.stream().limit(runsToChange).toList();
        List<Integer> touched = setStatus(changed, request.leaves().get(0), 1, -1);
        try {
            ReadinessBench.Pass afterChange = timed(remembering, request, keysDone, new LinkedHashSet<>());
            long fresh = keysDone ? -1 : readiness.find(request, job -> true).candidates();
            return new Result(first, unchanged, afterChange, touched.size(), memory.held(), heldBytes, fresh);
        } finally {
            setStatus(touched, request.leaves().get(0), -1, 1);
        }
    }

    private static ReadinessBench.Pass timed(Readiness remembering, RawRequest request, boolean keysDone,
                                             Set<Integer> readyRuns) throws SQLException {
        long started = System.nanoTime();
        ReadinessSummary summary = remembering.find(request, new ReadyJobSink() {
            @Override
            public boolean accept(ReadyJob job) {
                readyRuns.add(job.run());
                return true;
            }

            @Override
            public boolean remember(ReadyJob job) {
                return !keysDone;
            }
        });
        return new ReadinessBench.Pass((System.nanoTime() - started) / 1_000_000, summary);
    }

    /** Sets the stream's segment-0 file from one status to another; the runs where there was such a file. */
    private List<Integer> setStatus(List<Integer> runsToSet, String stream, int from, int to) throws SQLException {
        try (Connection connection = rawdata.getConnection();
             PreparedStatement statement = connection.prepareStatement(SET_STATUS)) {
            for (int run : runsToSet) {
                statement.setInt(1, to);
                statement.setInt(2, run);
                statement.setString(3, stream);
                statement.setInt(4, from);
                statement.addBatch();
            }
            int[] rows = statement.executeBatch();
            return IntStream.range(0, rows.length).filter(i -> rows[i] > 0).mapToObj(runsToSet::get).toList();
        }
    }
}
