package gov.bnl.sphenix.production.catalog.deletion;

import gov.bnl.sphenix.production.catalog.SqlArrays;
import gov.bnl.sphenix.production.catalog.Transactions;
import gov.bnl.sphenix.production.catalog.files.FileLocation;
import gov.bnl.sphenix.production.catalog.ledger.LedgerKey;
import gov.bnl.sphenix.production.catalog.retry.Retry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the outputs of a set of jobs: the files through an {@link OutputStore}, then their
 * FileCatalog rows, batch by batch, one transaction per batch. The rows are locked first so a
 * concurrent harvest cannot slip a new copy in between; a copy that cannot be removed keeps its
 * rows. Repeatable: what is already gone is skipped. A dry run lists what would go and touches nothing.
 */
public final class CatalogDeletion implements OutputDeletion {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogDeletion.class);

    public static final int DEFAULT_BATCH = 1_000;

    private static final String TARGETS = """
            SELECT d.filename, f.full_host_name, f.full_file_path
              FROM unnest(?::text[], ?::text[], ?::text[], ?::integer[], ?::integer[])
                   AS k(dsttype, dataset, tag, run, segment)
              JOIN datasets d ON d.dataset = k.dataset AND d.tag = k.tag AND d.runnumber = k.run
                             AND d.segment = k.segment AND d.dsttype = k.dsttype
              LEFT JOIN files f ON f.lfn = d.filename
             ORDER BY d.filename, f.full_host_name
               FOR UPDATE OF d""";

    private static final String DELETE_COPIES = """
            DELETE FROM files f
             USING unnest(?::text[], ?::text[]) AS r(lfn, host)
             WHERE f.lfn = r.lfn AND f.full_host_name = r.host""";

    // An output leaves the catalog only when no copy of it is left.
    private static final String DELETE_OUTPUTS = """
            DELETE FROM datasets d
             WHERE d.filename = ANY (?)
               AND NOT EXISTS (SELECT 1 FROM files f WHERE f.lfn = d.filename)""";

    private final DataSource fileCatalog;
    private final OutputStore store;
    private final Retry retry;
    private final int batchSize;

    public CatalogDeletion(DataSource fileCatalog, OutputStore store, Retry retry, int batchSize) {
        this.fileCatalog = Objects.requireNonNull(fileCatalog, "fileCatalog");
        this.store = Objects.requireNonNull(store, "store");
        this.retry = Objects.requireNonNull(retry, "retry");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Lists what {@link #delete} would remove, to {@code listing}; changes nothing. */
    public DeletionReport dryRun(List<LedgerKey> jobs, Consumer<DeletionItem> listing) throws SQLException {
        return run(jobs, listing, true);
    }

    /** Removes the jobs' outputs and their catalog rows; {@code removed} hears of every item that went. */
    public DeletionReport delete(List<LedgerKey> jobs, Consumer<DeletionItem> removed) throws SQLException {
        DeletionReport report = run(jobs, removed, false);
        LOG.info("deleted {} outputs ({} copies) of {} jobs; {} copies could not be removed",
                report.outputs(), report.copies(), jobs.size(), report.failures().size());
        return report;
    }

    private DeletionReport run(List<LedgerKey> jobs, Consumer<DeletionItem> listener, boolean dryRun) throws SQLException {
        DeletionReport total = DeletionReport.empty(dryRun);
        for (int from = 0; from < jobs.size(); from += batchSize) {
            List<LedgerKey> batch = jobs.subList(from, Math.min(jobs.size(), from + batchSize));
            String what = (dryRun ? "list outputs of " : "delete outputs of ") + batch.size() + " jobs";
            total = total.plus(Transactions.run(fileCatalog, retry, what, c -> deleteBatch(c, batch, listener, dryRun)));
        }
        return total;
    }

    private DeletionReport deleteBatch(Connection c, List<LedgerKey> batch, Consumer<DeletionItem> listener,
                                       boolean dryRun) throws SQLException {
        List<DeletionItem> targets = targets(c, batch);
        Set<String> outputs = new LinkedHashSet<>();
        targets.forEach(item -> outputs.add(item.lfn()));
        if (dryRun) {
            targets.forEach(listener);
            c.rollback();
            return new DeletionReport(true, outputs.size(), targets.stream().filter(t -> t.copy().isPresent()).count(),
                    List.of());
        }
        List<FileLocation> removed = new ArrayList<>();
        List<DeletionFailure> failures = new ArrayList<>();
        for (DeletionItem item : targets) {
            if (item.copy().isEmpty()) {
                continue;
            }
            try {
                store.remove(item.copy().get());
                removed.add(item.copy().get());
            } catch (IOException e) {
                failures.add(new DeletionFailure(item.copy().get(), e.getMessage()));
            }
        }
        deleteCopies(c, removed);
        int outputsDeleted = deleteOutputs(c, outputs);
        Set<String> failedOutputs = new LinkedHashSet<>();
        failures.forEach(f -> failedOutputs.add(f.copy().lfn()));
        targets.stream().filter(item -> !failedOutputs.contains(item.lfn())).forEach(listener);
        return new DeletionReport(false, outputsDeleted, removed.size(), failures);
    }

    private static List<DeletionItem> targets(Connection c, List<LedgerKey> batch) throws SQLException {
        List<DeletionItem> targets = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(TARGETS)) {
            s.setArray(1, SqlArrays.texts(c, batch.stream().map(key -> key.output().product()).toList()));
            s.setArray(2, SqlArrays.texts(c, batch.stream().map(key -> key.namespace().dataset()).toList()));
            s.setArray(3, SqlArrays.texts(c, batch.stream().map(key -> key.namespace().tag().toString()).toList()));
            s.setArray(4, SqlArrays.ints(c, batch.stream().map(key -> key.job().run()).toList()));
            s.setArray(5, SqlArrays.ints(c, batch.stream().map(key -> key.job().segment()).toList()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String lfn = rs.getString(1);
                    String host = rs.getString(2);
                    targets.add(new DeletionItem(lfn, host == null
                            ? Optional.empty()
                            : Optional.of(new FileLocation(lfn, host, rs.getString(3)))));
                }
            }
        }
        return targets;
    }

    private static void deleteCopies(Connection c, List<FileLocation> removed) throws SQLException {
        if (removed.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(DELETE_COPIES)) {
            s.setArray(1, SqlArrays.texts(c, removed.stream().map(FileLocation::lfn).toList()));
            s.setArray(2, SqlArrays.texts(c, removed.stream().map(FileLocation::host).toList()));
            s.executeUpdate();
        }
    }

    private static int deleteOutputs(Connection c, Set<String> outputs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE_OUTPUTS)) {
            s.setArray(1, SqlArrays.texts(c, outputs));
            return s.executeUpdate();
        }
    }
}
