package gov.bnl.sphenix.production.catalog.readiness;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * One pass of readiness: qualified runs stream from the DAQ database; for every chunk of them one
 * set-based query fetches the catalog rows; each run is decided as soon as its rows are in and its
 * candidates go straight to the sink. Two databases, merged by run in the client, because in
 * production the DAQ database and the catalogs are different servers.
 */
final class ReadinessScan<T extends RunRow> {

    private final DataSource daq;
    private final DataSource catalog;
    private final ChunkQuery<T> query;
    private final RunEvaluator<T> evaluator;
    private final int chunkRuns;

    ReadinessScan(DataSource daq, DataSource catalog, ChunkQuery<T> query, RunEvaluator<T> evaluator, int chunkRuns) {
        this.daq = daq;
        this.catalog = catalog;
        this.query = query;
        this.evaluator = evaluator;
        this.chunkRuns = chunkRuns;
    }

    void run(ReadinessRequest request, ReadyJobSink sink, ScanProgress progress) throws SQLException {
        try (Connection daqConnection = openReadOnly(daq);
             Connection catalogConnection = openReadOnly(catalog);
             QualifiedRuns runs = QualifiedRuns.open(daqConnection, request)) {
            List<QualifiedRun> chunk;
            while (!(chunk = runs.next(chunkRuns)).isEmpty()) {
                if (!decide(chunk, catalogConnection, sink, progress)) {
                    progress.stopped();
                    break;
                }
            }
            catalogConnection.commit();
            daqConnection.commit();
        }
    }

    /** Decides every run of a chunk; false when the sink asked to stop. */
    private boolean decide(List<QualifiedRun> chunk, Connection catalogConnection, ReadyJobSink sink,
                           ScanProgress progress) throws SQLException {
        int[] numbers = chunk.stream().mapToInt(QualifiedRun::run).toArray();
        try (RowCursor<T> rows = query.open(catalogConnection, numbers)) {
            for (QualifiedRun run : chunk) {
                List<ReadyJob> candidates = evaluator.evaluate(run, rows.takeRun(run.run()));
                for (ReadyJob candidate : candidates) {
                    progress.handedOut();
                    if (!sink.accept(candidate)) {
                        return false;
                    }
                }
                progress.runDone(run.run(), candidates.size());
            }
        }
        return true;
    }

    /** Autocommit off is what makes the driver use a cursor and honour the fetch size. */
    static Connection openReadOnly(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
