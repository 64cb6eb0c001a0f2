package gov.bnl.sphenix.production.tools.bench;

import gov.bnl.sphenix.production.catalog.CopyWriter;
import gov.bnl.sphenix.production.catalog.registration.BulkRegistrar;
import gov.bnl.sphenix.production.catalog.registration.CatalogedOutput;
import gov.bnl.sphenix.production.catalog.registration.RegistrationResult;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import gov.bnl.sphenix.production.tools.seed.DaqStream;
import gov.bnl.sphenix.production.tools.seed.SphenixDaq;
import gov.bnl.sphenix.production.spec.names.OutputFile;
import gov.bnl.sphenix.production.spec.names.Tag;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Registration throughput: the same outputs, in the same batches, once through the operator's
 * bulk path into the FileCatalog and once through plain COPY into tables built LIKE the catalog's
 * (same columns, same indexes). The ratio says what idempotency and conflict detection cost.
 */
final class RegistrationBench {

    private static final String CREATE_COPY_FILES = "CREATE TABLE IF NOT EXISTS bench_copy_files (LIKE files INCLUDING ALL)";
    private static final String CREATE_COPY_DATASETS =
            "CREATE TABLE IF NOT EXISTS bench_copy_datasets (LIKE datasets INCLUDING ALL)";
    private static final String EMPTY_COPY_TABLES = "TRUNCATE bench_copy_files, bench_copy_datasets";
    private static final String EMPTY_CATALOG = "TRUNCATE files, datasets";
    private static final String COPY_FILES = """
            COPY bench_copy_files (lfn, full_host_name, full_file_path, time, size, md5) FROM STDIN""";
    private static final String COPY_DATASETS = """
            COPY bench_copy_datasets (filename, runnumber, segment, size, dataset, dsttype, events, firstevent,
                                      lastevent, tag, status) FROM STDIN""";

    private final DataSource fileCatalog;
    private final int batch;

    RegistrationBench(DataSource fileCatalog, int batch) {
        this.fileCatalog = fileCatalog;
        this.batch = batch;
    }

    /** Streaming-event outputs for consecutive runs: 63 leaves a run, a few segments each. */
    static List<CatalogedOutput> outputs(int count, int firstRun, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tag tag = Tag.parse("new_nocdbtag_v001");
        List<DaqStream> leaves = SphenixDaq.tracking();
        List<CatalogedOutput> outputs = new ArrayList<>(count);
        for (int run = firstRun; outputs.size() < count; run++) {
            for (int segment = 0; segment < 4 && outputs.size() < count; segment++) {
                for (DaqStream leaf : leaves) {
                    if (outputs.size() == count) {
                        break;
                    }
                    OutputFile file = OutputFile.ofLeaf("DST_STREAMING_EVENT", leaf.name(), "run3auau", tag, run, segment);
                    String md5 = Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                            + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
                    outputs.add(new CatalogedOutput(file, "lustre",
                            "/sphenix/lustre01/sphnxpro/production/run3auau/physics/" + file.fileName(),
                            1_000_000_000L + random.nextInt(1_000_000_000), md5, 10_000, 1, 10_000));
                }
            }
        }
        return outputs;
    }

    /** Rows per second through the bulk path, into an emptied FileCatalog. */
    double bulk(List<CatalogedOutput> outputs) throws SQLException {
        execute(EMPTY_CATALOG);
        BulkRegistrar registrar = new BulkRegistrar(fileCatalog, Retry.never(), Clock.systemUTC(), batch);
        long started = System.nanoTime();
        RegistrationResult result = registrar.register(outputs);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (result.registered() != outputs.size()) {
            throw new IllegalStateException("the bench expected every output registered, got " + result);
        }
        return outputs.size() / seconds;
    }

    /**
     * Rows per second through plain COPY of the same rows into identical, emptied tables. The rows
     * are rendered to text before the clock starts: the baseline is COPY at its fastest.
     */
    double copy(List<CatalogedOutput> outputs) throws SQLException {
        createCopyTables();
        execute(EMPTY_COPY_TABLES);
        return copyRows(outputs);
    }

    /**
     * As {@link #copy}, into the tables as earlier calls left them: against a catalog that keeps
     * what it registers, whose indexes grow as the copies' do.
     */
    double append(List<CatalogedOutput> outputs) throws SQLException {
        createCopyTables();
        return copyRows(outputs);
    }

    private void createCopyTables() throws SQLException {
        execute(CREATE_COPY_FILES);
        execute(CREATE_COPY_DATASETS);
    }

    private double copyRows(List<CatalogedOutput> outputs) throws SQLException {
        List<Rendered> rows = outputs.stream().map(Rendered::of).toList();
        LocalDateTime now = LocalDateTime.now(Clock.systemUTC());
        long started = System.nanoTime();
        for (int from = 0; from < rows.size(); from += batch) {
            List<Rendered> slice = rows.subList(from, Math.min(rows.size(), from + batch));
            try (Connection c = fileCatalog.getConnection()) {
                c.setAutoCommit(false);
                try (CopyWriter files = new CopyWriter(c, COPY_FILES)) {
                    for (Rendered r : slice) {
                        CatalogedOutput o = r.output();
                        files.text(r.lfn()).text(o.storage()).text(o.path()).timestamp(now).number(o.size())
                                .text(o.md5()).endRow();
                    }
                    files.finish();
                }
                try (CopyWriter datasets = new CopyWriter(c, COPY_DATASETS)) {
                    for (Rendered r : slice) {
                        CatalogedOutput o = r.output();
                        datasets.text(r.lfn()).number(o.file().run()).number(o.file().segment()).number(o.size())
                                .text(o.file().dataset()).text(r.product()).number(o.events())
                                .number(o.firstEvent()).number(o.lastEvent()).text(r.tag()).number(1).endRow();
                    }
                    datasets.finish();
                }
                c.commit();
            }
        }
        return outputs.size() / ((System.nanoTime() - started) / 1e9);
    }

    /** An output's strings, formatted ahead of the timed COPY. */
    private record Rendered(CatalogedOutput output, String lfn, String product, String tag) {
        static Rendered of(CatalogedOutput output) {
            return new Rendered(output, output.lfn(), output.file().product(), output.file().tag().toString());
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = fileCatalog.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
