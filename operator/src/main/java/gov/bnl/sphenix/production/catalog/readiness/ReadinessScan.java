package gov.bnl.sphenix.production.catalog.readiness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One pass of readiness: qualified runs stream from the DAQ database; for every chunk of them one
 * set-based query fetches the catalog rows; each run is decided as soon as its rows are in and its
 * candidates go straight to the sink. Two databases, merged by run in the client, because in
 * production the DAQ database and the catalogs are different servers.
 *
 * <p>With a {@link ReadinessMemory}, a chunk first asks the catalog for its runs' signatures (one
 * row per run); only the runs whose hosts or signature differ from what the memory decided them
 * from have their rows fetched and are decided again, the others get their remembered candidates.
 * The signatures are read before the rows, so a change that lands in between is seen next pass.
 */
final class ReadinessScan<T extends RunRow> {

    private static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    private final DataSource daq;
    private final DataSource catalog;
    private final ChunkQuery<T> query;
    private final RunEvaluator<T> evaluator;
    private final int chunkRuns;
    private final ReadinessMemory memory;
    private final ReadinessRequest memoryKey;
    private final Set<Integer> seen = new HashSet<>();

    /** {@code memory} may be {@code null}: every run is read. */
    ReadinessScan(DataSource daq, DataSource catalog, ChunkQuery<T> query, RunEvaluator<T> evaluator, int chunkRuns,
                  ReadinessMemory memory, ReadinessRequest request) {
        this.daq = daq;
        this.catalog = catalog;
        this.query = query;
        this.evaluator = evaluator;
        this.chunkRuns = chunkRuns;
        this.memory = memory;
        this.memoryKey = memory == null ? null : ReadinessMemory.keyOf(request);
    }

    void run(ReadinessRequest request, ReadyJobSink sink, ScanProgress progress) throws SQLException {
        try (Connection daqConnection = openReadOnly(daq);
             Connection catalogConnection = openReadOnly(catalog);
             QualifiedRuns runs = QualifiedRuns.open(daqConnection, request)) {
            List<QualifiedRun> chunk;
            while (!(chunk = runs.next(chunkRuns)).isEmpty()) {
                boolean go = memory == null ? decide(chunk, catalogConnection, sink, progress)
                        : decideChanged(chunk, catalogConnection, sink, progress);
                if (!go) {
                    progress.stopped();
                    break;
                }
            }
            catalogConnection.commit();
            daqConnection.commit();
        }
    }

    /** After a complete pass with a memory: the memory forgets the runs this pass did not see. */
    void forgetUnseen() {
        if (memory != null) {
            memory.keepOnly(memoryKey, seen);
        }
    }

    /** Decides every run of a chunk; false when the sink asked to stop. */
    private boolean decide(List<QualifiedRun> chunk, Connection catalogConnection, ReadyJobSink sink,
                           ScanProgress progress) throws SQLException {
        int[] numbers = chunk.stream().mapToInt(QualifiedRun::run).toArray();
        try (RowCursor<T> rows = query.open(catalogConnection, numbers)) {
            for (QualifiedRun run : chunk) {
                List<ReadyJob> candidates = evaluator.evaluate(run, rows.takeRun(run.run()));
                if (!handOut(candidates, sink, progress)) {
                    return false;
                }
                progress.runDone(run.run(), candidates.size());
            }
        }
        return true;
    }

    /** Decides the runs of a chunk whose inputs changed, recalls the others; false when the sink asked to stop. */
    private boolean decideChanged(List<QualifiedRun> chunk, Connection catalogConnection, ReadyJobSink sink,
                                  ScanProgress progress) throws SQLException {
        int[] numbers = chunk.stream().mapToInt(QualifiedRun::run).toArray();
        Map<Integer, RunSignature> signatures = query.signatures(catalogConnection, numbers);
        List<List<ReadyJob>> recalled = new ArrayList<>(chunk.size());
        int[] changed = new int[chunk.size()];
        int count = 0;
        for (QualifiedRun run : chunk) {
            List<ReadyJob> known = memory.recall(memoryKey, run, signatures.getOrDefault(run.run(), RunSignature.EMPTY));
            recalled.add(known);
            if (known == null) {
                changed[count++] = run.run();
            }
        }
        // a subsequence of the chunk, so in the order its rows come back
        int[] toRead = Arrays.copyOf(changed, count);
        try (RowCursor<T> rows = toRead.length == 0 ? null : query.open(catalogConnection, toRead)) {
            for (int i = 0; i < chunk.size(); i++) {
                QualifiedRun run = chunk.get(i);
                List<ReadyJob> candidates = recalled.get(i);
                if (candidates != null) {
                    progress.remembered();
                } else {
                    candidates = evaluator.evaluate(run, rows.takeRun(run.run()));
                }
                if (!handOut(candidates, sink, progress)) {
                    return false;
                }
                List<ReadyJob> kept = new ArrayList<>(candidates.size());
                for (ReadyJob candidate : candidates) {
                    if (sink.remember(candidate)) {
                        kept.add(candidate);
                    }
                }
                if (recalled.get(i) == null || kept.size() < candidates.size()) {
                    memory.remember(memoryKey, run, signatures.getOrDefault(run.run(), RunSignature.EMPTY), kept);
                }
                seen.add(run.run());
                progress.runDone(run.run(), candidates.size());
            }
        }
        return true;
    }

    private static boolean handOut(List<ReadyJob> candidates, ReadyJobSink sink, ScanProgress progress) {
        for (ReadyJob candidate : candidates) {
            progress.handedOut();
            if (!sink.accept(candidate)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Autocommit off is what makes the driver use a cursor and honour the fetch size. Plans are
     * made for the values at hand, for this transaction only: after five runs of a statement the
     * driver prepares it on the server, and PostgreSQL may then switch to a plan made for any
     * value, in which {@code daqhost = ANY (?)} compares each row with every stream in turn (64 for
     * the streaming combiner) instead of looking it up in a hash: measured six times slower on the
     * readiness chunk queries. Needs PostgreSQL 12 or later.
     */
    static Connection openReadOnly(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement plans = connection.prepareStatement(CUSTOM_PLANS)) {
                plans.execute();
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
